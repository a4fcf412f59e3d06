package org.ip4bot.cli;

import java.util.Map;
import org.ip4bot.Ip4botException;
import org.ip4bot.config.ConfigException;
import org.ip4bot.config.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar ip4bot.jar <command>}: the command line over the same engine the chat platforms use. */
@Command(name = "ip4bot", mixinStandardHelpOptions = true, version = "ip4bot 0.1.0",
        description = "Cited answers about NATO and its Indo-Pacific partners (Australia, Japan, Republic of Korea, "
                + "New Zealand), from the reports in a corpus directory.",
        subcommands = {AskCommand.class, BriefCommand.class, IndexCommand.class, EvalCommand.class,
                ServeCommand.class, BenchCommand.class, TeamsPackageCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 bad input. */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /**
     * As {@link #run(String...)}, with settings read from {@code environment} instead of the process's. Logging is
     * set up from the process's environment whatever {@code environment} says ({@code logback.xml}).
     */
    static int run(Map<String, String> environment, String... args) {
        try {
            // Checked before anything logs: logback would take a bad value silently and drop every line.
            LogFormat.fromEnvironment(environment);
        } catch (ConfigException e) {
            System.err.println("ip4bot: " + e.getMessage());
            return 1;
        }
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == EngineOptions.class ? type.cast(new EngineOptions(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof Ip4botException) {
                commandLine.getErr().println("ip4bot: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
