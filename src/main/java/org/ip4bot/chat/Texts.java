package org.ip4bot.chat;

/** What the bot says when it is not answering from the corpus. Plain text; platforms add their own markup. */
final class Texts {

    private Texts() {
    }

    static String help(int documents) {
        return "I answer questions about NATO and its Indo-Pacific partners (Australia, Japan, the Republic of Korea "
                + "and New Zealand) from " + (documents > 0 ? documents + " reports" : "a corpus of reports")
                + ", and every claim cites its source.\n"
                + "- Ask a question, e.g. \"When did New Zealand sign its IPCP?\". Follow up in the same thread, "
                + "e.g. \"and Japan?\".\n"
                + "- brief <topic>: a cited brief, e.g. \"brief Japan-NATO cooperation since 2022\".\n"
                + "- sources: the documents I answer from, with their dates.\n"
                + "- reload: rebuild the index from the corpus (admins only).\n"
                + "- help: this message.";
    }

    static String tooLong(String what, int length, int max) {
        return String.format("That %s is %,d characters long; I can take up to %,d. Please shorten it, or ask about "
                + "one thing at a time.", what, length, max);
    }

    static String busy() {
        return "I'm busy answering other questions right now. Please retry in a minute.";
    }

    static String notReady() {
        return "I'm still loading the reports. Please ask again in a minute.";
    }

    static String searching(int documents) {
        return "Searching " + documents + " reports...";
    }

    static String briefing(int documents) {
        return "Writing a brief from " + documents + " reports...";
    }

    static String reloadRefused() {
        return "Sorry, only the bot's admins can reload the corpus. Please ask one of them (they are listed in the "
                + "IP4BOT_ADMINS setting).";
    }

    static String reloadRunning() {
        return "A reload is already running; I'll keep answering from the current index until it's done.";
    }

    static String reloadStarted() {
        return "Reloading the index from the corpus. I'll keep answering from the current index until the new one "
                + "is ready...";
    }

    static String reloadProgress(int filesDone, int totalFiles, int chunks, int embedded) {
        return String.format("Reloading: files %d/%d, %d of %d new chunks embedded...", filesDone, totalFiles,
                embedded, chunks);
    }

    static String reloadDone(String summary) {
        return "Reload finished. " + summary;
    }

    static String reloadFailed(String errorId, String reason) {
        return "The reload failed, and the previous index is still serving (error id " + errorId + "): " + reason;
    }

    static String failed(String errorId) {
        return "Sorry, something went wrong while answering (error id " + errorId + "). Please try again; if it "
                + "keeps happening, give the error id to an admin.";
    }
}
