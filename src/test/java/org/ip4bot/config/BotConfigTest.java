package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.ip4bot.Ip4botException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheDocumentedDefaults() {
        // given
        Map<String, String> env = Map.of();

        // when
        BotConfig config = BotConfig.fromEnvironment(env);

        // then
        assertEquals(Path.of("corpus"), config.corpusDir());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(2000, config.maxQuestionChars());
        assertEquals(20, config.maxFileMb());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), config.embeddingThreads());
    }

    @Test
    void readsEverySettingFromTheEnvironmentAndIgnoresSurroundingSpaces() {
        // given
        Map<String, String> env = Map.of(
                "IP4BOT_CORPUS", "/srv/reports",
                "IP4BOT_DATA", "/var/lib/ip4bot",
                "IP4BOT_MAX_QUESTION_CHARS", " 500 ",
                "IP4BOT_MAX_FILE_MB", "5",
                "IP4BOT_EMBEDDING_THREADS", "3");

        // when
        BotConfig config = BotConfig.fromEnvironment(env);

        // then
        assertEquals(new BotConfig(Path.of("/srv/reports"), Path.of("/var/lib/ip4bot"), 500, 5, 3), config);
    }

    @Test
    void aBlankValueFallsBackToTheDefault() {
        // given
        Map<String, String> env = Map.of("IP4BOT_MAX_QUESTION_CHARS", "  ");

        // when
        BotConfig config = BotConfig.fromEnvironment(env);

        // then
        assertEquals(2000, config.maxQuestionChars());
    }

    @Test
    void aValueThatIsNotANumberFailsNamingTheVariableAndTheValue() {
        // given
        Map<String, String> env = Map.of("IP4BOT_MAX_QUESTION_CHARS", "abc");

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(env));

        // then
        assertTrue(e.getMessage().contains("IP4BOT_MAX_QUESTION_CHARS"), e.getMessage());
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
        assertTrue(e instanceof Ip4botException, "config failures share the project's exception root");
    }

    @ParameterizedTest
    @CsvSource({
        "IP4BOT_MAX_QUESTION_CHARS, 19",
        "IP4BOT_MAX_QUESTION_CHARS, 20001",
        "IP4BOT_MAX_FILE_MB, 0",
        "IP4BOT_MAX_FILE_MB, 2001",
        "IP4BOT_EMBEDDING_THREADS, 0",
        "IP4BOT_EMBEDDING_THREADS, 65",
        "IP4BOT_EMBEDDING_THREADS, -4"
    })
    void aValueOutOfRangeFailsNamingTheVariableAndTheValue(String variable, String value) {
        // given
        Map<String, String> env = Map.of(variable, value);

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(env));

        // then
        assertTrue(e.getMessage().contains(variable), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "IP4BOT_MAX_QUESTION_CHARS, 20",
        "IP4BOT_MAX_QUESTION_CHARS, 20000",
        "IP4BOT_MAX_FILE_MB, 1",
        "IP4BOT_MAX_FILE_MB, 2000",
        "IP4BOT_EMBEDDING_THREADS, 1",
        "IP4BOT_EMBEDDING_THREADS, 64"
    })
    void theLimitsOfEachRangeAreAccepted(String variable, String value) {
        // given
        Map<String, String> env = Map.of(variable, value);

        // when
        BotConfig config = BotConfig.fromEnvironment(env);

        // then
        int expected = Integer.parseInt(value);
        int actual = switch (variable) {
            case "IP4BOT_MAX_QUESTION_CHARS" -> config.maxQuestionChars();
            case "IP4BOT_MAX_FILE_MB" -> config.maxFileMb();
            default -> config.embeddingThreads();
        };
        assertEquals(expected, actual);
    }

    @Test
    void overridingTheDirectoriesKeepsTheOtherSettings() {
        // given
        BotConfig config = new BotConfig(Path.of("a"), Path.of("b"), 300, 7, 2);

        // when
        BotConfig moved = config.withCorpusDir(Path.of("c")).withDataDir(Path.of("d"));

        // then
        assertEquals(new BotConfig(Path.of("c"), Path.of("d"), 300, 7, 2), moved);
    }

    @Test
    void aMissingDirectoryIsRefusedNamingTheField() {
        // when
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new BotConfig(null, Path.of("data"), 1000, 20, 1));

        // then
        assertEquals("corpusDir", e.getMessage());
    }
}
