package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes synthetic research notes from the sentences of real chunks, deterministically: the same real passages and
 * seed always give the same notes, byte for byte, in any JVM.
 *
 * <p>Each section of a synthetic note takes 45-65% of its words from one real chunk, and the rest from two other
 * real chunks, as random subsets of their sentences kept in their original order. Names of partners, cities and
 * leaders are permuted and years shifted per section ({@link Substitutions}). A section runs to 170-320 words, so
 * the real chunker makes one chunk of it. Because sections draw subsets from about 150 real chunks and rewrite
 * them differently, two synthetic chunks rarely share half their word 4-grams, and near-duplicate collapsing in
 * retrieval sees about as many duplicates as it would in a real corpus.
 *
 * <p>A section's vector is not embedded: it is {@code normalize(normalize(sum w_k v_k) + sigma g)}, where {@code
 * v_k} are the embeddings of the three real chunks it drew from, {@code w_k} their shares of its words, {@code g}
 * a standard Gaussian vector seeded by the seed and the chunk's id, and {@code sigma} {@value #NOISE_SIGMA}.
 * Immutable and thread-safe.
 */
final class SyntheticCorpus {

    /** Changes whenever the text or the vectors this class makes would change; part of the cache key. */
    static final String GENERATOR = "synthetic-v1";
    static final double NOISE_SIGMA = 0.015;
    static final int SECTIONS_PER_NOTE = 30;
    static final String FOLDER = "synthetic";

    private static final int MIN_WORDS = 170;
    private static final int WORD_SPREAD = 150;
    /** Below the chunker's 350-word maximum, so a section is always one chunk. */
    private static final int MAX_WORDS = 335;
    private static final List<String> KINDS = List.of("working paper", "background note", "desk study", "digest",
            "briefing", "review", "field report", "policy memo");

    /**
     * How a synthetic chunk's vector is mixed.
     *
     * @param origins indexes of the real passages it drew from
     * @param weights their shares of its words, summing to 1
     */
    record Recipe(int[] origins, double[] weights) {
    }

    /**
     * A synthetic note.
     *
     * @param path     relative to the corpus root
     * @param markdown the file's content, front matter included
     * @param recipes  the vector recipe of each section, by its heading, in order
     */
    record Note(String path, String markdown, Map<String, Recipe> recipes) {
    }

    private final List<RealPassage> real;
    private final long seed;

    SyntheticCorpus(List<RealPassage> real, long seed) {
        List<RealPassage> usable = real.stream().filter(p -> !p.sentences().isEmpty()).toList();
        if (usable.size() < 3) {
            throw new IllegalArgumentException("the synthetic corpus needs at least 3 real chunks with sentences, got "
                    + usable.size() + "; use a larger corpus");
        }
        this.real = usable;
        this.seed = seed;
    }

    static String path(int note) {
        return String.format(Locale.ROOT, "%s/batch-%03d/note-%05d.md", FOLDER, note / 100, note);
    }

    Note note(int number, int sections) {
        SplittableRandom random = new SplittableRandom(mix(seed, number, -1));
        RealPassage lead = real.get(random.nextInt(real.size()));
        Substitutions noteNames = Substitutions.random(random);
        String title = noteNames.apply(lead.title()) + " (" + KINDS.get(random.nextInt(KINDS.size())) + ")";
        String date = String.format(Locale.ROOT, "%d-%02d-%02d", 2005 + random.nextInt(21), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        StringBuilder md = new StringBuilder();
        md.append("---\n")
                .append("title: ").append(yaml(title)).append('\n')
                .append("publisher: ip4bot synthetic benchmark corpus\n")
                .append("date: ").append(date).append('\n')
                .append("---\n\n");
        Map<String, Recipe> recipes = new LinkedHashMap<>();
        Set<String> headings = new HashSet<>();
        for (int s = 0; s < sections; s++) {
            SplittableRandom sectionRandom = new SplittableRandom(mix(seed, number, s));
            Section section = section(sectionRandom);
            String heading = section.heading;
            for (int n = 2; !headings.add(heading.toLowerCase(Locale.ROOT)); n++) {
                heading = section.heading + " (" + n + ")";
            }
            recipes.put(heading, section.recipe);
            md.append("## ").append(heading).append("\n\n");
            section.paragraphs.forEach(p -> md.append(p).append("\n\n"));
        }
        return new Note(path(number), md.toString(), recipes);
    }

    /** The vector of the chunk with this id, made from the recipe of the section it came from. */
    float[] vector(Recipe recipe, String chunkId) {
        int dims = real.get(0).vector().length;
        double[] mixed = new double[dims];
        for (int k = 0; k < recipe.origins().length; k++) {
            float[] v = real.get(recipe.origins()[k]).vector();
            for (int i = 0; i < dims; i++) {
                mixed[i] += recipe.weights()[k] * v[i];
            }
        }
        normalize(mixed);
        SplittableRandom noise = new SplittableRandom(mix(seed, chunkId.hashCode(), -2));
        for (int i = 0; i < dims; i += 2) {
            // Box-Muller by hand: two independent standard normals per pair of uniforms, the same in every JVM.
            double radius = Math.sqrt(-2 * Math.log(1 - noise.nextDouble()));
            double angle = 2 * Math.PI * noise.nextDouble();
            mixed[i] += NOISE_SIGMA * radius * Math.cos(angle);
            if (i + 1 < dims) {
                mixed[i + 1] += NOISE_SIGMA * radius * Math.sin(angle);
            }
        }
        normalize(mixed);
        float[] out = new float[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = (float) mixed[i];
        }
        return out;
    }

    private record Section(String heading, List<String> paragraphs, Recipe recipe) {
    }

    private Section section(SplittableRandom random) {
        Substitutions names = Substitutions.random(random);
        int[] origins = distinct(3, random);
        int target = MIN_WORDS + random.nextInt(WORD_SPREAD);
        double leadShare = 0.45 + 0.2 * random.nextDouble();
        double secondShare = (1 - leadShare) * (0.5 + 0.2 * random.nextDouble());
        int[] budgets = {(int) (target * leadShare), (int) (target * secondShare), 0};
        budgets[2] = target - budgets[0] - budgets[1];

        List<List<String>> parts = new ArrayList<>();
        int[] words = new int[3];
        int total = 0;
        for (int k = 0; k < 3; k++) {
            List<String> taken = subset(real.get(origins[k]).sentences(), budgets[k], MAX_WORDS - total, random);
            List<String> rewritten = taken.stream().map(names::apply).toList();
            for (String sentence : rewritten) {
                words[k] += RealPassage.words(sentence);
            }
            total += words[k];
            parts.add(rewritten);
        }
        List<String> paragraphs = new ArrayList<>();
        for (List<String> part : parts) {
            splitIntoParagraphs(part, random, paragraphs);
        }
        double[] weights = new double[3];
        for (int k = 0; k < 3; k++) {
            weights[k] = total == 0 ? 1.0 / 3 : (double) words[k] / total;
        }
        RealPassage lead = real.get(origins[0]);
        String heading = names.apply(lead.heading().isBlank() ? lead.title() : lead.heading());
        return new Section(heading, paragraphs, new Recipe(origins, weights));
    }

    /** A random subset of the sentences, in their original order, of about {@code budget} words. */
    private static List<String> subset(List<String> sentences, int budget, int room, SplittableRandom random) {
        int[] order = new int[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] chosen = new boolean[sentences.size()];
        int words = 0;
        for (int i : order) {
            int w = RealPassage.words(sentences.get(i));
            if (words + w > room) {
                continue;
            }
            if (words > 0 && words + w > budget + 25) {
                continue;
            }
            chosen[i] = true;
            words += w;
            if (words >= budget) {
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                out.add(sentences.get(i));
            }
        }
        return out;
    }

    private static void splitIntoParagraphs(List<String> sentences, SplittableRandom random, List<String> into) {
        int i = 0;
        while (i < sentences.size()) {
            int n = Math.min(sentences.size() - i, 2 + random.nextInt(3));
            into.add(String.join(" ", sentences.subList(i, i + n)));
            i += n;
        }
    }

    private int[] distinct(int n, SplittableRandom random) {
        int[] out = new int[n];
        Set<Integer> used = new HashSet<>();
        for (int k = 0; k < n; k++) {
            int pick;
            do {
                pick = random.nextInt(real.size());
            } while (!used.add(pick));
            out[k] = pick;
        }
        return out;
    }

    private static void normalize(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    private static String yaml(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A well-spread 64-bit key from the seed and two small numbers (SplittableRandom's own mixing). */
    static long mix(long seed, long a, long b) {
        return new SplittableRandom(seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL)).nextLong();
    }
}
