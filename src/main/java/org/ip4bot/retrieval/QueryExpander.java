package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Knows the field's acronyms and other names: a question that says "ROK" also searches "Republic of Korea" and
 * "South Korea". Matching is case-insensitive, except for acronyms that are also ordinary words ("US", "CAP",
 * "SHAPE", "AI"), which must be written in capitals.
 */
public final class QueryExpander {

    private record Alias(Pattern pattern, List<String> group) {
    }

    /**
     * The other names for one entity the text mentions.
     *
     * @param trigger      the words of the text that named it
     * @param alternatives its other names, none of which the text already holds
     */
    public record Expansion(String trigger, List<String> alternatives) {
    }

    private final List<Alias> aliases = new ArrayList<>();

    public QueryExpander() {
        group("IP4", "IPP", "AP4", "Indo-Pacific partners", "Asia-Pacific partners", "partners in the Indo-Pacific",
                "Indo-Pacific four");
        group("ROK", "South Korea", "Republic of Korea", "S. Korea");
        group("DPRK", "North Korea", "North Korean", "Pyongyang");
        group("NZ", "New Zealand", "Kiwi");
        group("Aus", "Australia", "Aussie", "Australian");
        group("Albo", "Albanese");
        group("JMSDF", "Japan Maritime Self-Defense Force", "Japanese navy");
        group("defmin", "defence ministers", "defence ministers' meeting");
        group("Japan", "Japanese");
        group("ITPP", "Individually Tailored Partnership Programme", "tailored partnership programme",
                "tailored partnership");
        group("IPCP", "Individual Partnership and Cooperation Programme", "partnership and cooperation programme");
        group("ISAF", "International Security Assistance Force");
        group("PRT", "Provincial Reconstruction Team", "reconstruction team");
        group("EOP", "Enhanced Opportunities Partner", "enhanced opportunities");
        group("NAC", "North Atlantic Council");
        group("CCDCOE", "Cooperative Cyber Defence Centre of Excellence", "cyber defence centre");
        group("MARCOM", "Allied Maritime Command", "maritime command");
        group("WPS", "Women, Peace and Security");
        group("EDT", "EDTs", "emerging and disruptive technologies", "emerging technology");
        group("SPS", "Science for Peace and Security");
        group("RSM", "Resolute Support");
        group("NZDF", "New Zealand Defence Force");
        group("ADF", "Australian Defence Force");
        group("SecGen", "Secretary General", "NATO chief");
        group("PM", "prime minister");
        group("FM", "foreign minister", "foreign ministers");
        group("ambo", "ambassador");
        group("Afghanistan", "Afghan");
        group("Kyiv", "Kiev", "Ukraine");
        group("Beijing", "China", "PRC");
        group("Moscow", "Kremlin", "Russia");
        group("coop", "co-op", "cooperation");
        group("tech", "technology");
        group("ops", "op", "operation");
        group("intel", "intelligence");
        group("mil", "military");
        group("govt", "gov", "government");
        group("defense", "defence");
        group("program", "programme");
        group("cyber", "cyber defence", "cybersecurity");
        group("piracy", "counter-piracy", "pirates");
        group("disinfo", "disinformation");
        group("Russia-DPRK", "DPRK-Russia", "North Korea and Russia");
        capitalOnly("US", "United States");
        capitalOnly("DC", "Washington");
        capitalOnly("CAP", "Comprehensive Assistance Package");
        capitalOnly("SHAPE", "Supreme Headquarters Allied Powers Europe");
        capitalOnly("AI", "artificial intelligence");
        capitalOnly("EU", "European Union");
    }

    /**
     * The other names of every entity the text mentions, without the names already in the text. Order is stable.
     */
    public List<String> alternatives(String text) {
        return alternatives(expansions(text));
    }

    /** The other names of the given expansions, as {@link #alternatives(String)} lists them. */
    static List<String> alternatives(List<Expansion> expansions) {
        Set<String> out = new LinkedHashSet<>();
        expansions.forEach(e -> out.addAll(e.alternatives()));
        return List.copyOf(out);
    }

    /** Each entity the text mentions, with the words that named it and its other names. Order is stable. */
    public List<Expansion> expansions(String text) {
        List<Expansion> out = new ArrayList<>();
        Set<List<String>> seen = new java.util.HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Alias alias : aliases) {
            var matcher = alias.pattern().matcher(text);
            if (matcher.find() && seen.add(alias.group())) {
                List<String> others = alias.group().stream()
                        .filter(name -> !contains(lower, name.toLowerCase(Locale.ROOT))).toList();
                if (!others.isEmpty()) {
                    out.add(new Expansion(matcher.group(), others));
                }
            }
        }
        return out;
    }

    /**
     * The text followed, for each entity it names, by one spelled-out name in brackets. One is enough for the
     * embedding model; listing every label of a group would pull the query toward passages about names.
     */
    public String expandForEmbedding(String text) {
        return expandForEmbedding(text, expansions(text));
    }

    /** As {@link #expandForEmbedding(String)}, with the text's expansions already found. */
    static String expandForEmbedding(String text, List<Expansion> expansions) {
        List<String> names = new ArrayList<>();
        for (Expansion e : expansions) {
            names.add(e.alternatives().stream().filter(n -> n.contains(" ")).findFirst()
                    .orElse(e.alternatives().get(0)));
        }
        return names.isEmpty() ? text : text + " (" + String.join(", ", names) + ")";
    }

    private void group(String... names) {
        for (String name : names) {
            aliases.add(new Alias(Pattern.compile(boundary(name), Pattern.CASE_INSENSITIVE), List.of(names)));
        }
    }

    /** The first name must be in capitals to count; the long forms match in any case. */
    private void capitalOnly(String acronym, String... longForms) {
        List<String> all = new ArrayList<>();
        all.add(acronym);
        all.addAll(List.of(longForms));
        aliases.add(new Alias(Pattern.compile(boundary(acronym)), List.copyOf(all)));
        for (String name : longForms) {
            aliases.add(new Alias(Pattern.compile(boundary(name), Pattern.CASE_INSENSITIVE), List.copyOf(all)));
        }
    }

    private static String boundary(String name) {
        return "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])";
    }

    private static boolean contains(String lowerText, String lowerName) {
        return Pattern.compile(boundary(lowerName)).matcher(lowerText).find();
    }
}
