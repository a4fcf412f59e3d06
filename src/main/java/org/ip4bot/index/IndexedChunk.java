package org.ip4bot.index;

import org.ip4bot.corpus.Chunk;

/** A chunk with its embedding and the content hash of the file it came from, as stored in the index. */
record IndexedChunk(Chunk chunk, String fileHash, float[] vector) {
}
