package org.ip4bot.answer;

import java.util.List;
import java.util.regex.Pattern;

/** The four Indo-Pacific partners, with the names and people that show a sentence is about one of them. */
enum Partner {
    AUSTRALIA("Australia", "Australia|Australian|Canberra|Albanese|Marles|Morrison|\\bADF\\b"),
    JAPAN("Japan", "Japan|Japanese|Kishida|Ishiba|Abe|Iwaya|Hayashi|Izawa"),
    KOREA("Republic of Korea", "Republic of Korea|South Korea|\\bROK\\b|Seoul|\\bYoon\\b|(?<!North )Korean\\b"),
    NEW_ZEALAND("New Zealand", "New Zealand|\\bNZ\\b|Wellington|Ardern|Luxon|Hipkins|Peters|\\bNZDF\\b");

    private final String label;
    private final Pattern mention;

    Partner(String label, String mention) {
        this.label = label;
        this.mention = Pattern.compile(mention);
    }

    String label() {
        return label;
    }

    boolean mentionedIn(String text) {
        return mention.matcher(text).find();
    }

    static List<Partner> mentionedIn(String text, List<Partner> among) {
        return among.stream().filter(p -> p.mentionedIn(text) || p.mentionedIn(capitalised(text))).toList();
    }

    /** Topics are often typed in lower case ("brief me on japan"). */
    private static String capitalised(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        String s = out.toString();
        return s.replace("Nz", "NZ").replace("Rok", "ROK");
    }
}
