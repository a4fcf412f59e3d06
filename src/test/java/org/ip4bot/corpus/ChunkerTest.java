package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkerTest {

    private static final Pattern SENTENCE_ID = Pattern.compile("s(\\d+)n(\\d+)");
    private static final DocumentMetadata METADATA = DocumentMetadata.titled("IP4 overview");

    /** Section word budgets: long sections, a short one (under minWords) and one made of a single huge block. */
    private static final int[] SECTION_WORDS = {1400, 60, 900, 2300, 420, 170};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void keepsChunksInsideSectionsMadeOfWholeSentencesAndWithinSizeLimits(long seed) {
        // given
        SourceDocument doc = generatedDocument(new Random(seed));
        ChunkingSettings settings = ChunkingSettings.DEFAULT;

        // when
        List<Chunk> chunks = new Chunker(settings).chunk(doc);

        // then
        Map<String, Integer> sectionWords = new HashMap<>();
        for (TextBlock block : doc.blocks()) {
            sectionWords.merge(block.heading(), Texts.wordCount(block.text()), Integer::sum);
        }
        Set<String> originalSentences = new HashSet<>();
        Map<String, Integer> pageOfSentence = new HashMap<>();
        for (TextBlock block : doc.blocks()) {
            for (String sentence : SentenceSplitter.split(block.text())) {
                originalSentences.add(sentence);
                pageOfSentence.put(sentence, block.page());
            }
        }
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertEquals(i, chunk.ordinal(), "ordinals run 0.. in order");
            assertEquals(doc.path(), chunk.path());
            assertEquals(METADATA, chunk.metadata());
            String section = chunk.heading().replace("Section ", "");
            Matcher ids = SENTENCE_ID.matcher(chunk.text());
            while (ids.find()) {
                assertEquals(section, ids.group(1), "chunk " + i + " crosses into another section");
            }
            assertTrue(chunk.text().matches("(?s).*[.!?][\"')\u201D]?"), "chunk " + i + " ends mid-sentence");
            List<String> sentences = SentenceSplitter.split(chunk.text());
            assertTrue(originalSentences.containsAll(sentences), "chunk " + i + " holds a partial sentence");
            covered.addAll(sentences);
            assertEquals(pageOfSentence.get(sentences.get(0)), chunk.page(), "page of chunk " + i);
            int words = chunk.wordCount();
            assertTrue(words <= settings.maxWords() * 1.15, "chunk " + i + " has " + words + " words");
            if (sectionWords.get(chunk.heading()) >= settings.minWords()) {
                assertTrue(words >= settings.minWords(), "chunk " + i + " has only " + words + " words");
            }
        }
        assertEquals(originalSentences, covered, "every sentence lands in a chunk");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void opensEveryContinuingChunkWithTheLastSentencesOfThePreviousOne(int overlap) {
        // given
        SourceDocument doc = generatedDocument(new Random(11));
        ChunkingSettings settings = new ChunkingSettings(150, 350, overlap);

        // when
        List<Chunk> chunks = new Chunker(settings).chunk(doc);

        // then
        int continuations = 0;
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk next = chunks.get(i);
            List<String> previousSentences = SentenceSplitter.split(previous.text());
            List<String> nextSentences = SentenceSplitter.split(next.text());
            if (!previous.heading().equals(next.heading())) {
                assertTrue(new HashSet<>(nextSentences).stream().noneMatch(previousSentences::contains));
                continue;
            }
            continuations++;
            assertTrue(previousSentences.size() > overlap);
            assertEquals(previousSentences.subList(previousSentences.size() - overlap, previousSentences.size()),
                    nextSentences.subList(0, overlap), "overlap between chunks " + (i - 1) + " and " + i);
        }
        assertTrue(continuations > 5, "the fixture continues sections across chunks");
    }

    @Test
    void makesChunksOfAbout150To350WordsByDefault() {
        // given
        SourceDocument doc = generatedDocument(new Random(3));

        // when
        List<Chunk> chunks = new Chunker(ChunkingSettings.DEFAULT).chunk(doc);

        // then
        double average = chunks.stream().mapToInt(Chunk::wordCount).average().orElseThrow();
        assertTrue(average >= 150 && average <= 350, "average " + average);
    }

    @Test
    void keepsASectionShorterThanMinWordsAsItsOwnChunk() {
        // given
        SourceDocument doc = new SourceDocument("a.md", METADATA, List.of(
                new TextBlock("Intro", 0, "Short intro. Two sentences."),
                new TextBlock("Body", 0, "Body text.")));

        // when
        List<Chunk> chunks = new Chunker(ChunkingSettings.DEFAULT).chunk(doc);

        // then
        assertEquals(List.of(new Chunk("a.md", 0, METADATA, "Intro", 0, "Short intro. Two sentences."),
                new Chunk("a.md", 1, METADATA, "Body", 0, "Body text.")), chunks);
    }

    @Test
    void packsWholeBlocksSeparatedByABlankLine() {
        // given
        SourceDocument doc = new SourceDocument("a.pdf", METADATA, List.of(
                new TextBlock("", 2, "First block. It has two sentences."),
                new TextBlock("", 3, "Second block.")));

        // when
        List<Chunk> chunks = new Chunker(ChunkingSettings.DEFAULT).chunk(doc);

        // then
        assertEquals(List.of(new Chunk("a.pdf", 0, METADATA, "", 2,
                "First block. It has two sentences.\n\nSecond block.")), chunks);
    }

    @Test
    void mergesASmallLastChunkIntoThePreviousOneWhenItFits() {
        // given three blocks of 40, 40 and 12 words with limits 50..80
        SourceDocument doc = new SourceDocument("a.md", METADATA, List.of(
                new TextBlock("H", 0, sentences("a", 4, 10)),
                new TextBlock("H", 0, sentences("b", 4, 10)),
                new TextBlock("H", 0, sentences("c", 1, 12))));

        // when
        List<Chunk> chunks = new Chunker(new ChunkingSettings(50, 80, 1)).chunk(doc);

        // then
        assertEquals(1, chunks.size());
        assertEquals(92, chunks.get(0).wordCount());
    }

    @Test
    void givesASentenceLongerThanMaxWordsAChunkOfItsOwn() {
        // given
        String giant = "Giant " + "word ".repeat(120) + "end.";
        SourceDocument doc = new SourceDocument("a.md", METADATA, List.of(
                new TextBlock("H", 0, sentences("a", 6, 10) + " " + giant + " " + sentences("b", 6, 10))));

        // when
        List<Chunk> chunks = new Chunker(new ChunkingSettings(50, 80, 1)).chunk(doc);

        // then
        assertTrue(chunks.stream().anyMatch(chunk -> chunk.text().equals(giant)), chunks.toString());
    }

    /** Sections "Section k" of sentences "Word sKnJ ...", blocks of varied size, about three blocks per page. */
    private static SourceDocument generatedDocument(Random random) {
        List<TextBlock> blocks = new ArrayList<>();
        int sentenceNumber = 0;
        for (int section = 0; section < SECTION_WORDS.length; section++) {
            int words = 0;
            while (words < SECTION_WORDS[section]) {
                boolean hugeBlock = section == 3 && blocks.size() % 2 == 0;
                int sentenceCount = hugeBlock ? 40 : 1 + random.nextInt(8);
                StringBuilder block = new StringBuilder();
                for (int s = 0; s < sentenceCount; s++) {
                    int length = 6 + random.nextInt(25);
                    block.append(block.length() == 0 ? "" : " ")
                            .append(sentence("s" + section + "n" + sentenceNumber++, length, random));
                    words += length;
                }
                blocks.add(new TextBlock("Section " + section, 1 + blocks.size() / 3, block.toString()));
            }
        }
        return new SourceDocument("generated.pdf", METADATA, blocks);
    }

    private static String sentence(String id, int words, Random random) {
        String[] vocabulary = {"allies", "partners", "Japan", "cooperation", "cyber", "maritime", "security", "the",
                "and", "with", "in", "2024", "U.S.", "e.g.", "Dr.", "1.5", "agreed", "summit", "Indo-Pacific"};
        StringBuilder sentence = new StringBuilder("Point ").append(id);
        for (int i = 2; i < words; i++) {
            sentence.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return sentence.append(random.nextInt(10) == 0 ? "?" : ".").toString();
    }

    private static String sentences(String prefix, int count, int wordsEach) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("Item ").append(prefix).append(i)
                    .append(" word".repeat(wordsEach - 3)).append(" end.");
        }
        return text.toString();
    }
}
