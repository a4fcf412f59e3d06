package org.ip4bot.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.QuestionRewriter;

/** Questions and briefs: length limit, follow-ups read in context, and the answers kept for their buttons. */
final class Answering {

    private final Library library;
    private final QuestionRewriter followUps;
    private final int maxChars;
    private final ThreadMemory memory = new ThreadMemory(5_000, 5);
    private final RecentAnswers recent = new RecentAnswers(2_000);

    Answering(Library library, QuestionRewriter followUps, int maxChars) {
        this.library = library;
        this.followUps = followUps;
        this.maxChars = maxChars;
    }

    Reply ask(Incoming message, String question, ReplyChannel channel) {
        if (question.length() > maxChars) {
            return new Reply.Notice(Reply.Kind.REJECTED, Texts.tooLong("question", question.length(), maxChars));
        }
        String interpreted = followUps.standalone(question, earlier(message.conversation(), channel));
        channel.progress(Texts.searching(library.documents().size()));
        Answer answer = library.ask(message.conversation().platform(), interpreted);
        memory.remember(message.conversation(), interpreted);
        return answered(question, interpreted, answer);
    }

    Reply brief(Incoming message, String topic, ReplyChannel channel) {
        if (topic.length() > maxChars) {
            return new Reply.Notice(Reply.Kind.REJECTED, Texts.tooLong("topic", topic.length(), maxChars));
        }
        if (!topic.isBlank()) {
            channel.progress(Texts.briefing(library.documents().size()));
        }
        return answered(topic, topic, library.brief(message.conversation().platform(), topic));
    }

    Optional<Reply.Answered> find(String answerId) {
        return recent.find(answerId);
    }

    private List<String> earlier(Conversation conversation, ReplyChannel channel) {
        List<String> remembered = memory.recent(conversation);
        if (!remembered.isEmpty() || conversation.thread().isEmpty()) {
            return remembered;
        }
        // Nothing remembered (a restart, or a thread started before the bot was added): ask the platform.
        return channel.earlierQuestions();
    }

    private Reply.Answered answered(String asked, String interpreted, Answer answer) {
        Reply.Answered reply = new Reply.Answered(UUID.randomUUID().toString(), asked, interpreted, answer);
        recent.add(reply);
        return reply;
    }
}
