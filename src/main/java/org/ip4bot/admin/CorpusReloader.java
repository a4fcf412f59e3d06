package org.ip4bot.admin;

import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;

/** Rebuilds the serving index from the corpus directory on request, as an admin asks from a chat. */
public interface CorpusReloader {

    /**
     * Rebuilds incrementally and then serves the new index. Questions asked meanwhile are answered from the old
     * index, which stays usable until they are done. Reloads run one at a time; a second caller waits.
     *
     * @throws org.ip4bot.Ip4botException when the build fails; the old index keeps serving
     */
    IndexReport reload(IndexProgress progress);
}
