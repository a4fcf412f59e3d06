package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.ip4bot.chat.ChatBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thumbs up and down under an answer ({@code feedbackLoop}): Teams sends a {@code message/submitAction} invoke
 * whose {@code replyToId} is the rated message. It must be answered within 5 s with 200 and an empty object, so the
 * line is appended to the feedback log right here. Other invokes are not handled (501).
 */
final class FeedbackInvokes {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackInvokes.class);
    private static final ActivityDispatcher.Outcome DONE = new ActivityDispatcher.Outcome(200, "{}");
    private static final ActivityDispatcher.Outcome NOT_HANDLED = new ActivityDispatcher.Outcome(501, "");

    private final ChatBot chat;
    private final SentAnswers sent;

    FeedbackInvokes(ChatBot chat, SentAnswers sent) {
        this.chat = chat;
        this.sent = sent;
    }

    ActivityDispatcher.Outcome invoke(Activity activity, String userId) {
        JsonNode value = activity.value();
        if (!"message/submitAction".equals(activity.name()) || !"feedback".equals(value.path("actionName").asText())) {
            return NOT_HANDLED;
        }
        String reaction = value.path("actionValue").path("reaction").asText("");
        String recorded = switch (reaction) {
            case "like" -> "helpful";
            case "dislike" -> "not_helpful";
            default -> null;
        };
        if (recorded == null) {
            return new ActivityDispatcher.Outcome(400, "{\"error\":\"unknown reaction\"}");
        }
        // An answer forgotten since (or sent before a restart) is still logged, under the message's own ID.
        String message = activity.replyToId();
        String answerId = sent.answerOf(message).orElse(message);
        try {
            chat.feedback(ActivityDispatcher.FEEDBACK_PLATFORM, userId, answerId, recorded);
        } catch (RuntimeException e) {
            LOG.error("could not record feedback '{}' on answer {}", recorded, answerId, e);
        }
        return DONE;
    }
}
