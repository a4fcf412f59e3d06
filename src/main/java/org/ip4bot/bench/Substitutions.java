package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One synthetic passage's rewriting of names and years: the four partners are permuted among themselves (with
 * their adjectives), so are summit cities and leaders' names, and every year from 1950 to 2029 moves by the same
 * non-zero offset. Text rewritten this way reads like the corpus but is not a copy of it. Immutable.
 */
final class Substitutions {

    private static final List<String> PARTNERS = List.of("Australia", "Japan", "Republic of Korea", "New Zealand");
    private static final List<String> ADJECTIVES = List.of("Australian", "Japanese", "South Korean", "New Zealand");
    private static final List<String> CITIES = List.of("Washington", "Madrid", "Vilnius", "Tokyo", "Brussels",
            "The Hague", "Seoul", "Lisbon", "London", "Tallinn", "Canberra", "Wellington", "Riga", "Bucharest");
    private static final List<String> PEOPLE = List.of("Stoltenberg", "Yoon", "Rutte", "Ardern", "Albanese",
            "Marles", "Kishida", "Luxon", "Ishiba", "Hayashi", "Peters", "Abe", "Hipkins", "Wong", "Kamikawa");
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20[0-2]\\d)\\b");
    private static final Pattern NAMES = names();

    private final Map<String, String> replacements;
    private final int yearOffset;

    private Substitutions(Map<String, String> replacements, int yearOffset) {
        this.replacements = replacements;
        this.yearOffset = yearOffset;
    }

    /** A random rewriting: a permutation of each name list and a year offset in [-7, 7] other than 0. */
    static Substitutions random(SplittableRandom random) {
        Map<String, String> replacements = new HashMap<>();
        List<Integer> order = shuffled(PARTNERS.size(), random);
        for (int i = 0; i < PARTNERS.size(); i++) {
            replacements.put(ADJECTIVES.get(i), ADJECTIVES.get(order.get(i)));
        }
        // After the adjectives: "New Zealand" is both, and as a noun it must stay a country's name.
        for (int i = 0; i < PARTNERS.size(); i++) {
            int j = order.get(i);
            replacements.put(PARTNERS.get(i), PARTNERS.get(j));
            replacements.put(PARTNERS.get(i) + "'s", PARTNERS.get(j) + "'s");
        }
        // Other spellings of the partners follow the same permutation.
        replacements.put("South Korea", PARTNERS.get(order.get(2)));
        replacements.put("Korea's", PARTNERS.get(order.get(2)) + "'s");
        permute(CITIES, random, replacements);
        permute(PEOPLE, random, replacements);
        int offset = random.nextInt(1, 8) * (random.nextBoolean() ? 1 : -1);
        return new Substitutions(replacements, offset);
    }

    String apply(String text) {
        Matcher names = NAMES.matcher(text);
        StringBuilder renamed = new StringBuilder(text.length() + 16);
        while (names.find()) {
            names.appendReplacement(renamed, Matcher.quoteReplacement(
                    replacements.getOrDefault(names.group(), names.group())));
        }
        names.appendTail(renamed);
        Matcher years = YEAR.matcher(renamed);
        StringBuilder out = new StringBuilder(renamed.length());
        while (years.find()) {
            years.appendReplacement(out, Integer.toString(Integer.parseInt(years.group()) + yearOffset));
        }
        years.appendTail(out);
        return out.toString();
    }

    private static void permute(List<String> names, SplittableRandom random, Map<String, String> into) {
        List<Integer> order = shuffled(names.size(), random);
        for (int i = 0; i < names.size(); i++) {
            into.put(names.get(i), names.get(order.get(i)));
        }
    }

    private static List<Integer> shuffled(int n, SplittableRandom random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Fisher-Yates with our own generator, so the result does not depend on Collections.shuffle's internals.
        for (int i = n - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        return order;
    }

    private static Pattern names() {
        List<String> all = new ArrayList<>();
        for (String partner : PARTNERS) {
            all.add(partner + "'s");
            all.add(partner);
        }
        all.addAll(List.of("South Korean", "South Korea", "Korea's"));
        all.addAll(ADJECTIVES);
        all.addAll(CITIES);
        all.addAll(PEOPLE);
        // Longest first, so "Republic of Korea's" wins over "Republic of Korea" and "South Korean" over "South Korea".
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        StringBuilder alternation = new StringBuilder();
        for (String name : all) {
            alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        return Pattern.compile("\\b(?:" + alternation + ")\\b");
    }
}
