package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.List;
import org.ip4bot.corpus.Chunker.Sentence;

/**
 * Packs the sentences of one section into chunks following the rules in {@link Chunker}. Single use: one instance
 * packs one section.
 */
final class SectionPacker {

    private static final double MERGE_ALLOWANCE = 1.15;

    private final ChunkingSettings settings;
    /** The new sentences of each closed chunk, without the overlap it opens with. */
    private final List<List<Sentence>> fresh = new ArrayList<>();
    private List<Sentence> overlap = List.of();
    private List<Sentence> current = new ArrayList<>();

    SectionPacker(ChunkingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param blocks the section's sentences, grouped by block, in order
     * @return each chunk's sentences (overlap included), in order
     */
    List<List<Sentence>> pack(List<List<Sentence>> blocks) {
        for (List<Sentence> block : blocks) {
            if (block.isEmpty()) {
                continue;
            }
            int blockWords = Sentence.words(block);
            if (currentWords() + blockWords <= settings.maxWords()) {
                current.addAll(block);
                continue;
            }
            if (!current.isEmpty() && currentWords() >= settings.minWords()) {
                startNewChunk(block.get(0));
                if (currentWords() + blockWords <= settings.maxWords()) {
                    current.addAll(block);
                    continue;
                }
            }
            for (Sentence sentence : block) {
                if (!current.isEmpty() && currentWords() + sentence.words() > settings.maxWords()) {
                    startNewChunk(sentence);
                }
                current.add(sentence);
            }
        }
        if (!current.isEmpty()) {
            fresh.add(current);
        }
        fixSmallLastChunk();
        return withOverlaps();
    }

    private int currentWords() {
        return Sentence.words(overlap) + Sentence.words(current);
    }

    private void startNewChunk(Sentence first) {
        fresh.add(current);
        overlap = overlapAfter(withOverlaps().get(fresh.size() - 1), first);
        current = new ArrayList<>();
    }

    /** The overlap that opens the chunk after {@code previous} when that chunk's first sentence is {@code first}. */
    private List<Sentence> overlapAfter(List<Sentence> previous, Sentence first) {
        int count = settings.overlapSentences();
        if (count == 0 || previous.size() <= count) {
            return List.of();
        }
        List<Sentence> opening = new ArrayList<>(previous.subList(previous.size() - count, previous.size()));
        while (!opening.isEmpty() && Sentence.words(opening) + first.words() > settings.maxWords()) {
            opening.remove(0);
        }
        return opening;
    }

    /** Every closed chunk's full sentences: its overlap followed by its fresh sentences. */
    private List<List<Sentence>> withOverlaps() {
        List<List<Sentence>> chunks = new ArrayList<>();
        for (List<Sentence> sentences : fresh) {
            List<Sentence> chunk = new ArrayList<>();
            if (!chunks.isEmpty()) {
                chunk.addAll(overlapAfter(chunks.get(chunks.size() - 1), sentences.get(0)));
            }
            chunk.addAll(sentences);
            chunks.add(chunk);
        }
        return chunks;
    }

    private void fixSmallLastChunk() {
        int last = fresh.size() - 1;
        if (last < 1 || Sentence.words(withOverlaps().get(last)) >= settings.minWords()) {
            return;
        }
        List<Sentence> merged = new ArrayList<>(fresh.get(last - 1));
        merged.addAll(fresh.get(last));
        List<List<Sentence>> chunks = withOverlaps();
        int mergedWords = Sentence.words(chunks.get(last - 1)) + Sentence.words(fresh.get(last));
        if (mergedWords <= settings.maxWords() * MERGE_ALLOWANCE) {
            fresh.remove(last);
            fresh.set(last - 1, merged);
            return;
        }
        rebalance(last);
    }

    /** Moves sentences from the end of chunk {@code last - 1} to the start of chunk {@code last} while both stay valid. */
    private void rebalance(int last) {
        while (Sentence.words(withOverlaps().get(last)) < settings.minWords() && fresh.get(last - 1).size() > 1) {
            List<Sentence> giver = new ArrayList<>(fresh.get(last - 1));
            List<Sentence> taker = new ArrayList<>(fresh.get(last));
            taker.add(0, giver.remove(giver.size() - 1));
            List<List<Sentence>> before = List.copyOf(fresh);
            fresh.set(last - 1, giver);
            fresh.set(last, taker);
            List<List<Sentence>> chunks = withOverlaps();
            if (Sentence.words(chunks.get(last - 1)) < settings.minWords()
                    || Sentence.words(chunks.get(last)) > settings.maxWords()) {
                fresh.clear();
                fresh.addAll(before);
                return;
            }
        }
    }
}
