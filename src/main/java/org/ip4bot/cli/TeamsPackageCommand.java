package org.ip4bot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ip4bot.teams.TeamsAppPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "teams-package", description = "Write the Teams app package (manifest.json with the app ID and "
        + "domain filled in, color.png, outline.png) as a zip to upload in Teams.")
final class TeamsPackageCommand implements Callable<Integer> {

    @Option(names = "--app-id", paramLabel = "GUID", defaultValue = "${env:MICROSOFT_APP_ID}",
            description = "the bot's Microsoft App ID (default: $MICROSOFT_APP_ID)")
    String appId;

    @Option(names = "--domain", paramLabel = "HOST", required = true,
            description = "the public host name of the messaging endpoint, e.g. bot.example.org")
    String domain;

    @Option(names = "--template", paramLabel = "DIR", defaultValue = "config/teams",
            description = "the manifest template and icons (default: ${DEFAULT-VALUE})")
    Path template;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "ip4bot-teams.zip",
            description = "the zip to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        if (appId == null || appId.isBlank()) {
            System.err.println("ip4bot teams-package: give --app-id or set MICROSOFT_APP_ID to the bot's Microsoft "
                    + "App ID (the app registration's Application (client) ID)");
            return 2;
        }
        TeamsAppPackage.write(template, appId, domain, out);
        System.out.println("Wrote " + out + ". In Teams: Apps > Manage your apps > Upload an app > Upload a custom "
                + "app, and pick this file.");
        return 0;
    }
}
