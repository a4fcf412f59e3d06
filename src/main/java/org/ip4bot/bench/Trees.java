package org.ip4bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** File-tree chores of the benchmark: copies, links, deletes, and content hashes as the corpus scanner takes them. */
final class Trees {

    private Trees() {
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    /**
     * Recreates {@code from} under {@code to} with hard links where the file system allows (copies otherwise).
     * Only safe for trees whose files are never modified in place: Lucene segments, and corpus files that the
     * caller replaces rather than edits.
     */
    static void linkTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not link " + from + " to " + to, e);
        }
    }

    static void copyFiles(Path fromRoot, List<String> relativePaths, Path toRoot) {
        try {
            for (String path : relativePaths) {
                Path target = toRoot.resolve(path);
                Files.createDirectories(target.getParent());
                Files.copy(fromRoot.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the corpus from " + fromRoot + " to " + toRoot, e);
        }
    }

    /** Replaces a (possibly hard-linked) file by a new file with its content plus {@code extra}. */
    static void appendAsNewFile(Path file, String extra) {
        try {
            byte[] old = Files.readAllBytes(file);
            Path tmp = file.resolveSibling(file.getFileName() + ".bench-tmp");
            Files.write(tmp, old);
            Files.writeString(tmp, extra, java.nio.file.StandardOpenOption.APPEND);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not change " + file, e);
        }
    }

    static long sizeOf(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** SHA-256, lower-case hex: the content hash {@code CorpusScanner} records for a file. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
