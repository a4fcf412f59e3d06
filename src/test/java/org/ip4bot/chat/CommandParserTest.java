package org.ip4bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "help", "HELP", "Help?", " help. "})
    void emptyTextOrHelpAsksForTheHelp(String text) {
        // when
        Command command = CommandParser.parse(text);

        // then
        assertEquals(new Command.Help(), command);
    }

    @Test
    void aNullTextIsTheHelpToo() {
        assertEquals(new Command.Help(), CommandParser.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sources", "Sources", "documents"})
    void sourcesListsTheDocuments(String text) {
        assertEquals(new Command.Sources(), CommandParser.parse(text));
    }

    @Test
    void reloadIsReloadOnlyAsTheWholeText() {
        // when
        Command reload = CommandParser.parse(" Reload ");
        Command question = CommandParser.parse("reload what? the corpus?");

        // then
        assertEquals(new Command.Reload(), reload);
        assertEquals(new Command.Ask("reload what? the corpus?"), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brief Japan-NATO cooperation since 2022", "Brief: Japan-NATO cooperation since 2022",
            "brief me on Japan-NATO cooperation since 2022", "brief on Japan-NATO cooperation since 2022"})
    void briefTakesTheRestAsItsTopic(String text) {
        assertEquals(new Command.Brief("Japan-NATO cooperation since 2022"), CommandParser.parse(text));
    }

    @Test
    void briefWithoutATopicIsABriefWithAnEmptyTopicSoTheEngineCanSayWhatToType() {
        assertEquals(new Command.Brief(""), CommandParser.parse("brief"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"When did New Zealand sign its IPCP?", "help me understand the IPCPs",
            "briefly, what is the IP4?", "sources of the 2023 communique?"})
    void anythingElseIsAQuestionAsTyped(String text) {
        assertEquals(new Command.Ask(text), CommandParser.parse(text));
    }
}
