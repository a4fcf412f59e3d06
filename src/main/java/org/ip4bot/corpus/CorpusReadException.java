package org.ip4bot.corpus;

import org.ip4bot.Ip4botException;

/**
 * A corpus file could not be turned into a {@link SourceDocument}. The message is the reason alone (no path), worded
 * so an admin can fix the file, and fits in {@link SkippedFile#reason()}.
 */
public class CorpusReadException extends Ip4botException {

    public CorpusReadException(String reason) {
        super(reason);
    }

    public CorpusReadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
