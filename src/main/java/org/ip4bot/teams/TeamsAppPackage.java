package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.ip4bot.Ip4botException;

/**
 * The sideloadable Teams app: {@code manifest.json} with the app ID and the bot's domain filled in, {@code color.png}
 * and {@code outline.png}, zipped flat as Teams expects. Checked before it is written, so a mistake shows here
 * rather than as a failed upload.
 */
public final class TeamsAppPackage {

    /** Where the template and icons live in the repository. */
    public static final Path TEMPLATE_DIR = Path.of("config", "teams");

    private static final String MANIFEST = "manifest.json";
    private static final String COLOR = "color.png";
    private static final String OUTLINE = "outline.png";

    private TeamsAppPackage() {
    }

    /**
     * Writes the package.
     *
     * @param templateDir holds {@code manifest.json} (with {@code {{MICROSOFT_APP_ID}}} and {@code {{BOT_DOMAIN}}}
     *                    placeholders) and the two icons
     * @param appId       the bot's Microsoft App ID
     * @param domain      the public host name of the messaging endpoint, e.g. {@code bot.example.org}
     * @param zip         the file to write; replaced if it exists
     * @throws Ip4botException listing every problem found, when the package would not upload
     */
    public static void write(Path templateDir, String appId, String domain, Path zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String manifest = read(templateDir.resolve(MANIFEST)).replace("{{MICROSOFT_APP_ID}}", appId.strip())
                .replace("{{BOT_DOMAIN}}", domain.strip());
        files.put(MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        files.put(COLOR, bytes(templateDir.resolve(COLOR)));
        files.put(OUTLINE, bytes(templateDir.resolve(OUTLINE)));

        List<String> problems = new ArrayList<>();
        JsonNode json;
        try {
            json = Json.parse(manifest, templateDir.resolve(MANIFEST).toString());
            problems.addAll(ManifestRules.problems(json, appId.strip()));
        } catch (Ip4botException e) {
            problems.add(e.getMessage());
        }
        problems.addAll(ManifestRules.iconProblems(image(files.get(COLOR)), image(files.get(OUTLINE))));
        if (!problems.isEmpty()) {
            throw new Ip4botException("the Teams app package would not upload:\n- " + String.join("\n- ", problems));
        }
        zip(files, zip);
    }

    private static void zip(Map<String, byte[]> files, Path zip) {
        try {
            Path absolute = zip.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream entries = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    entries.putNextEntry(new ZipEntry(file.getKey()));
                    entries.write(file.getValue());
                    entries.closeEntry();
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Ip4botException("could not write the Teams app package " + zip + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Ip4botException("could not read " + file + " (run from the repository root, or pass the "
                    + "template directory): " + e.getMessage(), e);
        }
    }
}
