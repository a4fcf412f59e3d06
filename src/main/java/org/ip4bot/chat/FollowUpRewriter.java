package org.ip4bot.chat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.answer.QuestionRewriter;

/**
 * Reads a short follow-up ("and New Zealand?", "what about Japan?") as a whole question, using the previous question
 * in the conversation. Rule-based, so it is predictable and explainable:
 * <ol>
 *   <li>only a short message that opens like a follow-up ("and ...", "what about ...", "how about ...",
 *       "same for ...") or names nothing but a partner is rewritten; anything else stands on its own;</li>
 *   <li>when the follow-up names a partner and the previous question named one, the previous question is asked
 *       again with the new partner in place of the old one;</li>
 *   <li>otherwise the previous question is put in front of the follow-up, so retrieval sees both.</li>
 * </ol>
 * Only the latest earlier question is used. Stateless and thread-safe; the fallback when no language model rewrites
 * follow-ups.
 */
public final class FollowUpRewriter implements QuestionRewriter {

    /** Longer than this, a message that starts with "and" is a question of its own. */
    private static final int MAX_FOLLOW_UP_WORDS = 6;
    /** The answer engine's own limit is the ceiling; context that would exceed it is left out. */
    private static final int MAX_REWRITTEN_CHARS = 900;

    private static final Pattern OPENING = Pattern.compile(
            "(?i)^(?:(?:and|but|ok|okay|so|also)[,\\s]+)?(?:what|how)\\s+about\\s+(.+)$"
                    + "|^(?:and|also)[,\\s]+(?:for\\s+|in\\s+|with\\s+|of\\s+)?(.+)$"
                    + "|^(?:and\\s+)?(?:the\\s+)?same\\s+(?:for|with|about)\\s+(.+)$");

    private static final List<PartnerName> PARTNERS = List.of(
            new PartnerName("New Zealand", "new\\s+zealand|\\bNZ\\b|aotearoa"),
            new PartnerName("the Republic of Korea",
                    "(?:the\\s+)?republic\\s+of\\s+korea|(?:the\\s+)?\\bROK\\b|south\\s+korea"
                            + "|(?<!north\\s)\\bkorea\\b"),
            new PartnerName("Australia", "\\baustralia\\b"),
            new PartnerName("Japan", "\\bjapan\\b"));

    @Override
    public String standalone(String question, List<String> earlier) {
        return rewrite(question, earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1)));
    }

    /**
     * @param question the new message, as typed
     * @param previous the conversation's previous question as the bot understood it, if any
     * @return the question to answer; {@code question} itself when it is not a follow-up
     */
    static String rewrite(String question, Optional<String> previous) {
        String stripped = question.strip();
        if (previous.isEmpty() || previous.get().isBlank()) {
            return stripped;
        }
        Optional<String> subject = followUpSubject(stripped);
        if (subject.isEmpty()) {
            return stripped;
        }
        String before = previous.get().strip();
        Optional<PartnerName> asked = partnerIn(subject.get());
        Optional<PartnerName> earlier = partnerIn(before);
        if (asked.isPresent() && earlier.isPresent() && asked.get() != earlier.get()) {
            return earlier.get().replaceIn(before, asked.get().label());
        }
        String combined = before + " " + stripped;
        return combined.length() <= MAX_REWRITTEN_CHARS ? combined : stripped;
    }

    /** What the follow-up is about ("New Zealand" in "and New Zealand?"), or empty when it is not a follow-up. */
    static Optional<String> followUpSubject(String text) {
        String trimmed = text.strip().replaceAll("[?.!\\s]+$", "");
        if (trimmed.isEmpty() || trimmed.split("\\s+").length > MAX_FOLLOW_UP_WORDS) {
            return Optional.empty();
        }
        Matcher opening = OPENING.matcher(trimmed);
        if (opening.matches()) {
            for (int group = 1; group <= opening.groupCount(); group++) {
                if (opening.group(group) != null) {
                    return Optional.of(opening.group(group).strip());
                }
            }
        }
        Optional<PartnerName> partner = partnerIn(trimmed);
        if (partner.isPresent() && partner.get().isWholeOf(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.empty();
    }

    private static Optional<PartnerName> partnerIn(String text) {
        PartnerName first = null;
        int firstAt = Integer.MAX_VALUE;
        for (PartnerName partner : PARTNERS) {
            Matcher m = partner.pattern().matcher(text);
            if (m.find() && m.start() < firstAt) {
                first = partner;
                firstAt = m.start();
            }
        }
        return Optional.ofNullable(first);
    }

    /** A partner's canonical name and the ways people write it. */
    private record PartnerName(String label, Pattern pattern) {

        PartnerName(String label, String regex) {
            this(label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }

        String replaceIn(String text, String replacement) {
            String replaced = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
            // "the Republic of Korea" at the start of a sentence reads better capitalised.
            return replaced.startsWith("the ") ? "The " + replaced.substring(4) : replaced;
        }

        boolean isWholeOf(String text) {
            return pattern.matcher(text.replaceAll("^(?i)(?:and|the)\\s+", "")).replaceAll("").isBlank();
        }
    }
}
