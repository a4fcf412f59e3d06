package org.ip4bot.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into pieces that fit one Block Kit text field (Slack rejects a section over 3,000 characters). Cuts
 * fall at the best boundary that fits: a blank line, a line break, a sentence end, a space; only a single word
 * longer than the limit is cut inside. Never cuts inside a {@code <link|label>} or an {@code &amp;} entity, so an
 * escaped text stays escaped in every piece.
 */
final class BlockSplitter {

    static final int SECTION_LIMIT = 3_000;

    private BlockSplitter() {
    }

    /** @return pieces of at most {@code limit} characters, none empty, that joined with breaks give the text */
    static List<String> split(String text, int limit) {
        if (limit < 20) {
            throw new IllegalArgumentException("limit must be at least 20 characters, was " + limit);
        }
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = safe(rest, cutPoint(rest, limit));
            String piece = rest.substring(0, cut).stripTrailing();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private static int cutPoint(String text, int limit) {
        String window = text.substring(0, limit + 1);
        int minimum = limit / 3;
        for (String boundary : new String[] {"\n\n", "\n", ". ", "? ", "! ", "; ", " "}) {
            int at = window.lastIndexOf(boundary);
            if (at >= minimum) {
                return Math.min(at + boundary.length(), limit);
            }
        }
        return limit;
    }

    /** Moves a cut back before a link or entity it would break; keeps it when that would leave nothing. */
    private static int safe(String text, int cut) {
        int open = text.lastIndexOf('<', cut - 1);
        if (open > 0 && text.indexOf('>', open) >= cut) {
            return open;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp > 0 && cut - amp < 8) {
            int semi = text.indexOf(';', amp);
            if (semi >= cut && semi - amp < 8) {
                return amp;
            }
        }
        return cut;
    }
}
