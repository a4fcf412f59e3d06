package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a document into {@link Chunk}s for retrieval.
 *
 * <p>Contract, with {@code min}, {@code max} and {@code overlap} from {@link ChunkingSettings}:
 * <ul>
 *   <li>a section is a run of consecutive blocks with the same heading; no chunk spans two sections, and no chunk
 *       starts or ends inside a sentence ({@link SentenceSplitter});</li>
 *   <li>whole blocks are packed in order while the chunk stays within {@code max} words; a block that does not fit
 *       is cut at sentence boundaries when it is larger than {@code max}, or when the chunk so far is still under
 *       {@code min} words (so chunks inside a section do not end up small);</li>
 *   <li>a chunk that continues a section opens with the last {@code overlap} sentences of the chunk before it, when
 *       that chunk has more sentences than {@code overlap} (fewer when they would push the opening past
 *       {@code max});</li>
 *   <li>a section's last chunk under {@code min} words is merged into the one before when the result stays within
 *       {@code max * 1.15} words; otherwise sentences move back from that previous chunk until both have at least
 *       {@code min} words, as far as possible;</li>
 *   <li>a chunk carries the document's metadata, its section heading and the page of its first sentence; ordinals
 *       run from 0 in document order; blocks inside a chunk are separated by a blank line.</li>
 * </ul>
 * Only a section shorter than {@code min}, or a sentence longer than about {@code max - min} words, yields a chunk
 * under {@code min}; only a single sentence longer than {@code max}, or a merge, one over {@code max}.
 * Immutable and thread-safe.
 */
public final class Chunker {

    private final ChunkingSettings settings;

    public Chunker(ChunkingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the chunks of {@code doc} in document order; empty only when the document has no text */
    public List<Chunk> chunk(SourceDocument doc) {
        Objects.requireNonNull(doc, "doc");
        List<Chunk> chunks = new ArrayList<>();
        for (List<TextBlock> section : sections(doc.blocks())) {
            List<List<Sentence>> sentencesPerBlock = new ArrayList<>();
            for (int b = 0; b < section.size(); b++) {
                sentencesPerBlock.add(Sentence.of(section.get(b), b));
            }
            String heading = section.get(0).heading();
            for (List<Sentence> sentences : new SectionPacker(settings).pack(sentencesPerBlock)) {
                chunks.add(new Chunk(doc.path(), chunks.size(), doc.metadata(), heading,
                        sentences.get(0).page(), Sentence.join(sentences)));
            }
        }
        return chunks;
    }

    private static List<List<TextBlock>> sections(List<TextBlock> blocks) {
        List<List<TextBlock>> sections = new ArrayList<>();
        List<TextBlock> current = new ArrayList<>();
        for (TextBlock block : blocks) {
            if (!current.isEmpty() && !current.get(0).heading().equals(block.heading())) {
                sections.add(current);
                current = new ArrayList<>();
            }
            current.add(block);
        }
        if (!current.isEmpty()) {
            sections.add(current);
        }
        return sections;
    }

    /** One sentence of a section, with the index of the block it came from. */
    record Sentence(String text, int words, int block, int page) {

        static List<Sentence> of(TextBlock block, int blockIndex) {
            return SentenceSplitter.split(block.text()).stream()
                    .map(text -> new Sentence(text, Texts.wordCount(text), blockIndex, block.page()))
                    .toList();
        }

        static int words(List<Sentence> sentences) {
            return sentences.stream().mapToInt(Sentence::words).sum();
        }

        /** Sentences of one block are joined by a space, blocks by a blank line. */
        static String join(List<Sentence> sentences) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < sentences.size(); i++) {
                if (i > 0) {
                    text.append(sentences.get(i - 1).block() == sentences.get(i).block() ? " " : "\n\n");
                }
                text.append(sentences.get(i).text());
            }
            return text.toString();
        }
    }
}
