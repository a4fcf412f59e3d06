package org.ip4bot.corpus;

/** Reads one kind of corpus file. */
interface DocumentReader {

    /**
     * @return the document with at least one block
     * @throws CorpusReadException when the file cannot be read or has no readable text
     */
    SourceDocument read(CorpusEntry entry);
}
