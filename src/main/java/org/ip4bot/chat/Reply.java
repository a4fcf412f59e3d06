package org.ip4bot.chat;

import java.util.List;
import java.util.Objects;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;

/** What the bot says back, before any platform lays it out. All text is plain: platforms escape it. */
public sealed interface Reply {

    /**
     * A cited answer or brief.
     *
     * @param answerId    identifies this answer for feedback and sharing
     * @param asked       the text as the user typed it
     * @param interpreted the question as answered: differs from {@code asked} when a follow-up was read in the
     *                    context of the conversation's earlier turns
     */
    record Answered(String answerId, String asked, String interpreted, Answer answer) implements Reply {
        public Answered {
            Objects.requireNonNull(answerId, "answerId");
            Objects.requireNonNull(asked, "asked");
            Objects.requireNonNull(interpreted, "interpreted");
            Objects.requireNonNull(answer, "answer");
        }

        /** True when the bot read a follow-up in context, so the asker should see how it was understood. */
        public boolean reinterpreted() {
            return !asked.strip().equals(interpreted.strip());
        }
    }

    /** A message that is not an answer: help, a refusal, a limit, a report, an apology. */
    record Notice(Kind kind, String text) implements Reply {
        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The documents the bot answers from. */
    record DocumentList(List<DocumentRef> documents) implements Reply {
        public DocumentList {
            documents = List.copyOf(documents);
        }
    }

    /** Why a notice is sent; platforms may style them differently. */
    enum Kind {
        HELP, REJECTED, REFUSED, BUSY, NOT_READY, REPORT, ERROR
    }
}
