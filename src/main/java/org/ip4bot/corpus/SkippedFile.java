package org.ip4bot.corpus;

/**
 * A corpus file that was not loaded, and why, in words an admin can act on.
 *
 * @param path   relative to the corpus root
 * @param reason e.g. "PDF is corrupt or encrypted: ..." or "empty file"
 */
public record SkippedFile(String path, String reason) {
}
