package org.ip4bot.slack;

import java.util.Optional;

/**
 * Where a reply is shown, which changes what it needs around it.
 *
 * @param showQuestion repeat the question above the answer (nobody else saw it asked)
 * @param shareButton  offer "Share in channel" (the reply is private to the asker)
 * @param sharedBy     the user who shared it into the channel, if it was shared
 */
record Layout(boolean showQuestion, boolean shareButton, Optional<String> sharedBy) {

    /** In the thread or DM where the question was asked. */
    static final Layout THREAD = new Layout(false, false, Optional.empty());
    /** A private reply to a slash command. */
    static final Layout EPHEMERAL = new Layout(true, true, Optional.empty());

    /** Posted to the channel by a click on "Share in channel". */
    static Layout sharedBy(String userId) {
        return new Layout(true, false, Optional.of(userId));
    }
}
