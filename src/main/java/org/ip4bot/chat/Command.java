package org.ip4bot.chat;

import java.util.Objects;

/** What someone asked the bot to do, whatever the platform. */
sealed interface Command {

    /** A question to answer from the corpus. */
    record Ask(String question) implements Command {
        public Ask {
            Objects.requireNonNull(question, "question");
        }
    }

    /** A structured brief on a topic. */
    record Brief(String topic) implements Command {
        public Brief {
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** The corpus documents with their dates. */
    record Sources() implements Command {
    }

    /** Rebuild the index from the corpus (admins only). */
    record Reload() implements Command {
    }

    /** How to use the bot. */
    record Help() implements Command {
    }
}
