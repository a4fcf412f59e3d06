package org.ip4bot.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import org.ip4bot.corpus.CorpusEntry;
import org.ip4bot.corpus.DocumentReaders;
import org.ip4bot.corpus.SourceDocument;
import org.ip4bot.corpus.TextBlock;
import org.ip4bot.index.ScoredChunk;

/**
 * What a Java developer would build instead of ip4bot: langchain4j's "easy RAG" pipeline with its defaults. Files
 * are loaded as text, split by {@code DocumentSplitters.recursive(300, 30, HuggingFaceTokenCountEstimator)} (the
 * splitter langchain4j-easy-rag installs: 300 tokens with 30 of overlap), embedded by the same bge-small model
 * without a query instruction, kept in an {@link InMemoryEmbeddingStore} and searched by an
 * {@link EmbeddingStoreContentRetriever} returning {@value #MAX_RESULTS} segments. Thread-safe for searching.
 */
final class EasyRag {

    static final int MAX_RESULTS = 10;
    static final String SPLITTER = "recursive(300 tokens, 30 overlap)";

    private final EmbeddingModel model;

    EasyRag(Executor executor) {
        this.model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    }

    /** A filled store and a retriever over it. */
    final class Store {
        private final InMemoryEmbeddingStore<TextSegment> store;
        private final ContentRetriever retriever;
        private final Path corpusRoot;
        private final int segments;

        private Store(InMemoryEmbeddingStore<TextSegment> store, Path corpusRoot, int segments) {
            this.store = store;
            this.corpusRoot = corpusRoot.toAbsolutePath().normalize();
            this.segments = segments;
            this.retriever = EmbeddingStoreContentRetriever.builder()
                    .embeddingStore(store)
                    .embeddingModel(model)
                    .maxResults(MAX_RESULTS)
                    .build();
        }

        int segments() {
            return segments;
        }

        /** The documents of the retrieved segments, in the order their first segment ranks. */
        List<String> documentOrder(String question) {
            Set<String> order = new LinkedHashSet<>();
            for (Content content : retriever.retrieve(Query.from(question))) {
                order.add(sourceOf(content.textSegment().metadata()));
            }
            return List.copyOf(order);
        }

        private String sourceOf(Metadata metadata) {
            Path file = Path.of(metadata.getString(Document.ABSOLUTE_DIRECTORY_PATH))
                    .resolve(metadata.getString(Document.FILE_NAME)).normalize();
            return corpusRoot.relativize(file).toString().replace('\\', '/');
        }
    }

    /**
     * Loads, splits, embeds and stores the given files. Markdown and text files are loaded as they are (what
     * easy-RAG's Tika parser returns for them); HTML and PDF files, which need Tika, get the text ip4bot's readers
     * extract.
     *
     * @param paths files relative to {@code corpusRoot}
     */
    Store ingest(Path corpusRoot, List<String> paths) {
        List<Document> documents = new ArrayList<>();
        DocumentReaders readers = new DocumentReaders();
        for (String path : paths) {
            Path file = corpusRoot.resolve(path);
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".txt")) {
                documents.add(FileSystemDocumentLoader.loadDocument(file, new TextDocumentParser()));
            } else {
                SourceDocument doc = readers.read(new CorpusEntry(path, file.toAbsolutePath(), "", 0));
                String text = String.join("\n\n", doc.blocks().stream().map(TextBlock::text).toList());
                documents.add(Document.from(text, locationOf(file)));
            }
        }
        DocumentSplitter splitter = DocumentSplitters.recursive(300, 30, new HuggingFaceTokenCountEstimator());
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor.builder()
                .documentSplitter(splitter)
                .embeddingModel(model)
                .embeddingStore(store)
                .build()
                .ingest(documents);
        return new Store(store, corpusRoot, store.size());
    }

    /** A store holding ip4bot's own chunks and vectors, for latency at scales too large to embed. */
    Store fill(Path corpusRoot, List<ScoredChunk> chunks) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<Embedding> embeddings = new ArrayList<>(chunks.size());
        List<TextSegment> segments = new ArrayList<>(chunks.size());
        List<String> ids = new ArrayList<>(chunks.size());
        for (ScoredChunk c : chunks) {
            ids.add(c.chunk().id());
            embeddings.add(Embedding.from(c.vector()));
            segments.add(TextSegment.from(c.chunk().text(), locationOf(corpusRoot.resolve(c.chunk().path()))));
        }
        store.addAll(ids, embeddings, segments);
        return new Store(store, corpusRoot, chunks.size());
    }

    private static Metadata locationOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return Metadata.from(Document.FILE_NAME, absolute.getFileName().toString())
                .put(Document.ABSOLUTE_DIRECTORY_PATH, absolute.getParent().toString());
    }
}
