package org.ip4bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.ip4bot.config.BotConfig;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void extractiveAnsweringGetsOneWorkerPerCoreAndAtLeastTwo() {
        // given
        BotConfig extractive = BotConfig.fromEnvironment(Map.of());

        // then
        assertEquals(2, BotServer.workerThreads(extractive, 1));
        assertEquals(2, BotServer.workerThreads(extractive, 2));
        assertEquals(8, BotServer.workerThreads(extractive, 8));
    }

    @Test
    void answersThatWaitOnALanguageModelGetFourWorkersPerCore() {
        // given
        BotConfig withModel = BotConfig.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "ollama",
                "IP4BOT_LLM_MODEL", "llama3.1"));

        // then
        assertEquals(8, BotServer.workerThreads(withModel, 2));
    }
}
