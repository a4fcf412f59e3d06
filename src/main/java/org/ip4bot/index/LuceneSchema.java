package org.ip4bot.index;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.corpus.DocumentMetadata;

/** How a chunk is laid out as a Lucene document, both ways. */
final class LuceneSchema {

    static final String ID = "id";
    static final String PATH = "path";
    static final String FILE_NAME = "fileName";
    static final String FILE_HASH = "fileHash";
    static final String ORDINAL = "ordinal";
    static final String TITLE = "title";
    static final String PUBLISHER = "publisher";
    static final String DATE = "date";
    static final String DATE_DAY = "dateDay";
    static final String URL = "url";
    static final String SOURCE_URLS = "sourceUrl";
    static final String COUNTRY = "country";
    static final String TOPIC = "topic";
    static final String HEADING = "heading";
    static final String PAGE = "page";
    static final String TEXT = "text";
    /** Searched with BM25: title, heading and text, analysed for English. */
    static final String BODY = "body";
    /** The title and section heading alone, so that a match there can count for more. */
    static final String LABELS = "labels";
    static final String VECTOR = "vector";
    static final String VECTOR_BYTES = "vectorBytes";
    /** The stored fields a {@link Chunk} is made of (everything but the hash and the stored vector). */
    static final Set<String> CHUNK_FIELDS = Set.of(PATH, ORDINAL, TITLE, PUBLISHER, DATE, URL, SOURCE_URLS,
            COUNTRY + "Name", TOPIC, HEADING, PAGE, TEXT);

    private LuceneSchema() {
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(BODY, new EnglishAnalyzer(), LABELS,
                new EnglishAnalyzer()));
    }

    static Document toDocument(IndexedChunk indexed) {
        Chunk chunk = indexed.chunk();
        DocumentMetadata meta = chunk.metadata();
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(PATH, chunk.path(), Field.Store.YES));
        doc.add(new StringField(FILE_NAME, fileName(chunk.path()), Field.Store.NO));
        doc.add(new StringField(FILE_HASH, indexed.fileHash(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(TITLE, meta.title()));
        doc.add(new StoredField(PUBLISHER, meta.publisher()));
        doc.add(new StoredField(DATE, meta.date()));
        parseDate(meta.date()).ifPresent(d -> doc.add(new LongPoint(DATE_DAY, d.toEpochDay())));
        doc.add(new StoredField(URL, meta.url()));
        meta.sourceUrls().forEach(u -> doc.add(new StoredField(SOURCE_URLS, u)));
        for (String country : meta.countries()) {
            doc.add(new StringField(COUNTRY, country.toLowerCase(Locale.ROOT), Field.Store.NO));
            doc.add(new StoredField(COUNTRY + "Name", country));
        }
        meta.topics().forEach(t -> doc.add(new StoredField(TOPIC, t)));
        doc.add(new StoredField(HEADING, chunk.heading()));
        doc.add(new StoredField(PAGE, chunk.page()));
        doc.add(new IntPoint(PAGE, chunk.page()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new TextField(BODY, meta.title() + "\n" + chunk.heading() + "\n" + chunk.text(), Field.Store.NO));
        doc.add(new TextField(LABELS, meta.title() + "\n" + chunk.heading(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, indexed.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(VECTOR_BYTES, toBytes(indexed.vector())));
        return doc;
    }

    static IndexedChunk fromDocument(Document doc) {
        return new IndexedChunk(chunkOf(doc), doc.get(FILE_HASH), toFloats(doc.getBinaryValue(VECTOR_BYTES)));
    }

    /** Builds the chunk from a document read with at least {@link #CHUNK_FIELDS}. */
    static Chunk chunkOf(Document doc) {
        DocumentMetadata meta = new DocumentMetadata(
                doc.get(TITLE),
                doc.get(PUBLISHER),
                doc.get(DATE),
                doc.get(URL),
                Arrays.asList(doc.getValues(SOURCE_URLS)),
                Arrays.asList(doc.getValues(COUNTRY + "Name")),
                Arrays.asList(doc.getValues(TOPIC)));
        return new Chunk(
                doc.get(PATH),
                doc.getField(ORDINAL).numericValue().intValue(),
                meta,
                doc.get(HEADING),
                doc.getField(PAGE).numericValue().intValue(),
                doc.get(TEXT));
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Accepts {@code 2025-07-01}, {@code 2025-07} and {@code 2025}; partial dates mean their first day. */
    static Optional<LocalDate> parseDate(String iso) {
        try {
            return switch (iso.length()) {
                case 10 -> Optional.of(LocalDate.parse(iso));
                case 7 -> Optional.of(LocalDate.parse(iso + "-01"));
                case 4 -> Optional.of(LocalDate.of(Integer.parseInt(iso), 1, 1));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BytesRef toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return new BytesRef(buffer.array());
    }

    private static float[] toFloats(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        float[] vector = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }

    static List<String> lowerCase(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }
}
