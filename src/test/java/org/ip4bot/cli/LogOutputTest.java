package org.ip4bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped {@code logback.xml}, loaded into a logging context of the test's own (the process's logging is left
 * alone), writing to a captured stderr as the real appenders do.
 */
class LogOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonFormatWritesEachEventAsOneJsonObjectOnOneLine() throws Exception {
        // when
        List<String> lines = logged(Optional.of("json"));

        // then: the info and the warning, not the quieted library's info
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonNode info = JSON.readTree(lines.get(0));
        assertEquals("INFO", info.get("level").asText());
        assertEquals("org.ip4bot.questions", info.get("logger").asText());
        assertEquals("answered platform=slack status=answered", info.get("message").asText());
        assertEquals("log-test", info.get("thread").asText());
        assertTrue(info.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                info.toString());
        assertFalse(info.has("exception"), info.toString());
        JsonNode warning = JSON.readTree(lines.get(1));
        assertEquals("WARN", warning.get("level").asText());
        assertEquals("could not deliver a \"reply\"", warning.get("message").asText());
        assertTrue(warning.get("exception").asText().startsWith("java.lang.IllegalStateException: refused\n"
                + "second line"), warning.toString());
        assertTrue(warning.get("exception").asText().contains("at org.ip4bot.cli.LogOutputTest"), warning.toString());
    }

    @Test
    void textStaysTheDefaultWithTheSameLineShapeAsBefore() throws Exception {
        // when
        List<String> lines = logged(Optional.empty());

        // then
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} INFO questions - "
                + "answered platform=slack status=answered"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" WARN LogOutputTest - could not deliver a \"reply\""), lines.get(1));
        assertEquals("java.lang.IllegalStateException: refused", lines.get(2));
        assertFalse(String.join("\n", lines).contains("not actionable"));
    }

    @Test
    void anUnknownFormatStopsTheCommandLineBeforeItStarts() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run(Map.of("IP4BOT_LOG_FORMAT", "xml"), "--version");
        } finally {
            System.setErr(err);
        }
        assertEquals(1, code);
        assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith("ip4bot: IP4BOT_LOG_FORMAT must be one of "
                + "text, json"), captured.toString(StandardCharsets.UTF_8));
    }

    /** Logs an info line, a warning with a two-line exception and a quieted library's info, as {@code format}. */
    private static List<String> logged(Optional<String> format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        format.ifPresent(f -> context.putProperty("IP4BOT_LOG_FORMAT", f));
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            joran.doConfigure(LogOutputTest.class.getResource("/logback.xml"));
            Thread thread = new Thread(() -> {
                Logger questions = context.getLogger("org.ip4bot.questions");
                questions.info("answered platform={} status={}", "slack", "answered");
                context.getLogger(LogOutputTest.class).warn("could not deliver a \"reply\"",
                        new IllegalStateException("refused\nsecond line"));
                context.getLogger("ai.djl.engine.Engine").info("not actionable");
            }, "log-test");
            thread.start();
            thread.join();
        } finally {
            System.setErr(err);
            context.stop();
        }
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() > Status.INFO).toList();
        assertEquals(List.of(), problems);
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
