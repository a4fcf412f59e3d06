package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ip4bot.Ip4botException;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Admins;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.FollowUpRewriter;
import org.ip4bot.chat.Library;
import org.ip4bot.config.SlackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackEndpointTest {

    @TempDir
    Path data;

    @Test
    void aTokenSlackRefusesStopsTheStartNamingSlacksErrorButNotTheToken() {
        try (FakeSlack slack = new FakeSlack()) {
            // given
            slack.refuseToken();
            SlackSettings settings = new SlackSettings("xoxb-revoked-token-123", SlackSender.SECRET, slack.apiUrl());

            // when
            Ip4botException e = assertThrows(Ip4botException.class, () -> new SlackEndpoint(settings, chat()));

            // then
            assertTrue(e.getMessage().startsWith("Slack did not accept SLACK_BOT_TOKEN"), e.getMessage());
            assertTrue(e.getMessage().contains("invalid_auth"), e.getMessage());
            assertFalse(e.getMessage().contains("xoxb-revoked-token-123"), e.getMessage());
        }
    }

    private ChatBot chat() {
        Library nothing = new Library() {
            @Override
            public boolean ready() {
                return false;
            }

            @Override
            public Answer ask(String platform, String question) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Answer brief(String platform, String topic) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DocumentRef> documents() {
                return List.of();
            }
        };
        return new ChatBot(nothing, progress -> {
            throw new UnsupportedOperationException();
        }, new Admins(Set.of()), new FeedbackLog(data.resolve("f.jsonl")), new FollowUpRewriter(), Runnable::run);
    }
}
