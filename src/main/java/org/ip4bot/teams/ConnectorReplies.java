package org.ip4bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.ip4bot.chat.Reply;
import org.ip4bot.chat.ReplyChannel;
import org.ip4bot.chat.ThrottledWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies to one incoming Teams message: a typing indicator while the work runs, then the reply in the same chat or
 * channel thread ({@code replyToId}). One instance per incoming activity.
 */
final class ConnectorReplies implements ReplyChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorReplies.class);
    /** Shared by every conversation's replies: a flood of drops is one event for whoever reads the log. */
    private static final ThrottledWarning DROPPED = new ThrottledWarning(LOG,
            "dropped a busy notice: the delivery queue is full");

    private final ConnectorClient connector;
    private final ConversationRef ref;
    private final Typing typing;
    private final SentAnswers sent;
    private final Executor deliveries;
    private final boolean welcome;
    private Typing.Indicator indicator;

    /**
     * @param deliveries sends the busy notice off the receiving thread; bounded, may refuse
     * @param welcome    true for the greeting on install: the help is sent as a welcome, as a new message
     */
    ConnectorReplies(ConnectorClient connector, ConversationRef ref, Typing typing, SentAnswers sent,
            Executor deliveries, boolean welcome) {
        this.connector = connector;
        this.ref = ref;
        this.typing = typing;
        this.sent = sent;
        this.deliveries = deliveries;
        this.welcome = welcome;
    }

    /** Teams has no message to edit in place cheaply, so progress is the typing indicator. */
    @Override
    public synchronized void progress(String text) {
        if (indicator == null) {
            indicator = typing.start(ref);
        }
    }

    @Override
    public void reply(Reply reply) {
        synchronized (this) {
            if (indicator != null) {
                indicator.stop();
            }
        }
        if (welcome && reply instanceof Reply.Notice notice && notice.kind() == Reply.Kind.HELP) {
            connector.send(ref, TeamsMessages.welcome(notice));
            return;
        }
        List<ObjectNode> activities = TeamsMessages.render(reply);
        Optional<String> id = connector.reply(ref, activities.get(0));
        if (reply instanceof Reply.Answered answered) {
            id.ifPresent(messageId -> sent.remember(messageId, answered.answerId()));
        }
        // Teams splits a message with both text and attachments, losing the ID: the card is a message of its own.
        activities.subList(1, activities.size()).forEach(card -> connector.reply(ref, card));
    }

    @Override
    public void busy(Reply.Notice notice) {
        try {
            deliveries.execute(() -> {
                try {
                    connector.reply(ref, TeamsMessages.notice(notice));
                } catch (RuntimeException e) {
                    LOG.warn("could not deliver a busy notice: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            DROPPED.happened();
        }
    }
}
