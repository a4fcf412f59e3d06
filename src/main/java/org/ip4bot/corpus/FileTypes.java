package org.ip4bot.corpus;

import java.util.List;
import java.util.Locale;

/** Which file names the corpus accepts, decided by extension alone (case-insensitive). */
final class FileTypes {

    static final List<String> SUPPORTED = List.of(".md", ".markdown", ".txt", ".html", ".htm", ".pdf");

    private FileTypes() {
    }

    /** The lower-case extension with its dot ({@code ".pdf"}), or empty when the name has none. */
    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        if (dot <= slash + 1 || dot == fileName.length() - 1) {
            return "";
        }
        return fileName.substring(dot).toLowerCase(Locale.ROOT);
    }

    static boolean isSupported(String fileName) {
        return SUPPORTED.contains(extensionOf(fileName));
    }

    static String unsupportedReason(String fileName) {
        String extension = extensionOf(fileName);
        String found = extension.isEmpty() ? "unsupported file type (no extension)" : "unsupported file type '" + extension + "'";
        return found + "; supported: " + String.join(", ", SUPPORTED);
    }
}
