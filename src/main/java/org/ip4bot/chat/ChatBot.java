package org.ip4bot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.ip4bot.admin.CorpusReloader;
import org.ip4bot.admin.Feedback;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.QuestionRejectedException;
import org.ip4bot.answer.QuestionRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's side of a conversation, whatever the platform: reads the command, answers it on a bounded pool of
 * workers and hands the reply to the platform's {@link ReplyChannel}. Thread-safe.
 */
public final class ChatBot {

    /** Longest question or topic taken from a chat; Slack allows far longer messages than a question needs. */
    public static final int MAX_QUESTION_CHARS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ChatBot.class);

    private final Library library;
    private final Executor workers;
    private final Answering answering;
    private final Reloads reloads;
    private final ThrottledWarning refusals = new ThrottledWarning(LOG,
            "all chat workers busy and the queue is full; told the sender to retry");
    private final FeedbackLog feedback;

    /**
     * @param followUps reads a follow-up with the conversation's earlier questions, e.g. {@link FollowUpRewriter}
     * @param workers   runs the answering; should be bounded and refuse work when full (see {@link Workers#bounded})
     */
    public ChatBot(Library library, CorpusReloader reloader, Admins admins, FeedbackLog feedback,
            QuestionRewriter followUps, Executor workers) {
        this.library = library;
        this.workers = workers;
        this.answering = new Answering(library, followUps, MAX_QUESTION_CHARS);
        this.reloads = new Reloads(reloader, admins);
        this.feedback = feedback;
    }

    /**
     * Takes a message and returns at once: the work runs on a worker, and the reply goes to {@code channel}. When
     * every worker is busy and the queue is full, {@link ReplyChannel#busy} is called instead, on this thread.
     */
    public void receive(Incoming message, ReplyChannel channel) {
        Command command = CommandParser.parse(message.text());
        try {
            workers.execute(() -> handle(message, command, channel));
        } catch (RejectedExecutionException e) {
            refusals.happened();
            channel.busy(new Reply.Notice(Reply.Kind.BUSY, Texts.busy()));
        }
    }

    /** An answer given recently, for a button that refers to it; empty when it has been forgotten. */
    public Optional<Reply.Answered> recentAnswer(String answerId) {
        return answering.find(answerId);
    }

    /**
     * Appends a feedback click to the feedback log, with the answer's question, citations and corpus version when
     * the answer is still remembered.
     *
     * @param value {@code helpful}, {@code not_helpful} or {@code wrong_source}
     */
    public void feedback(String platform, String userId, String answerId, String value) {
        Optional<Reply.Answered> answered = answering.find(answerId);
        feedback.append(new Feedback(Instant.now(), platform, userId, value, answerId,
                answered.map(Reply.Answered::interpreted).orElse(""),
                answered.map(a -> a.answer().citations().stream().map(Citation::source).toList())
                        .orElse(List.of()),
                answered.map(a -> a.answer().corpusVersion()).orElse("")));
    }

    private void handle(Incoming message, Command command, ReplyChannel channel) {
        Reply reply;
        try {
            reply = answer(message, command, channel);
        } catch (QuestionRejectedException e) {
            reply = new Reply.Notice(Reply.Kind.REJECTED, e.getMessage());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("error id {}: could not answer {} from {}", errorId, command.getClass().getSimpleName(),
                    message.userId(), e);
            reply = new Reply.Notice(Reply.Kind.ERROR, command instanceof Command.Reload
                    ? Texts.reloadFailed(errorId, String.valueOf(e.getMessage()))
                    : Texts.failed(errorId));
        }
        try {
            channel.reply(reply);
        } catch (RuntimeException e) {
            LOG.error("could not deliver a reply to {}", message.conversation(), e);
        }
    }

    private Reply answer(Incoming message, Command command, ReplyChannel channel) {
        if (command instanceof Command.Help) {
            return new Reply.Notice(Reply.Kind.HELP,
                    Texts.help(library.ready() ? library.documents().size() : 0));
        }
        if (command instanceof Command.Reload) {
            return reloads.reload(message, channel);
        }
        if (!library.ready()) {
            return new Reply.Notice(Reply.Kind.NOT_READY, Texts.notReady());
        }
        if (command instanceof Command.Ask ask) {
            return answering.ask(message, ask.question(), channel);
        }
        if (command instanceof Command.Brief brief) {
            return answering.brief(message, brief.topic(), channel);
        }
        return new Reply.DocumentList(library.documents());
    }
}
