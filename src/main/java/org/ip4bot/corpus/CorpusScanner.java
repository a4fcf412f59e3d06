package org.ip4bot.corpus;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ip4bot.Ip4botException;

/**
 * Finds the corpus files under a root folder and fingerprints them, without parsing them.
 *
 * <p>Every regular file at any depth is either an {@link CorpusEntry} or a {@link SkippedFile} with a reason; hidden
 * files and folders (name starting with '.') are ignored silently and symbolic links are not followed. Both lists are
 * sorted by relative path, so two scans of the same tree give equal results. Instances are immutable and thread-safe.
 */
public final class CorpusScanner {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private final long maxFileBytes;

    /** @param maxFileBytes files larger than this are skipped; must be positive */
    public CorpusScanner(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * The files a scan accepted and the ones it skipped.
     *
     * @param entries accepted files, sorted by path
     * @param skipped refused files with reasons, sorted by path
     */
    public record ScanResult(List<CorpusEntry> entries, List<SkippedFile> skipped) {

        public ScanResult {
            entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
            skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        }
    }

    /**
     * Scans {@code root} recursively.
     *
     * @throws Ip4botException when {@code root} is missing or not a folder, or the tree cannot be walked at all
     */
    public ScanResult scan(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.exists(root)) {
            throw new Ip4botException("corpus folder not found: " + root.toAbsolutePath()
                    + "; pass --corpus DIR with the folder that holds the documents");
        }
        if (!Files.isDirectory(root)) {
            throw new Ip4botException("corpus path is not a folder: " + root.toAbsolutePath()
                    + "; pass --corpus DIR with the folder that holds the documents");
        }
        List<CorpusEntry> entries = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        visit(root, file, attrs.size(), entries, skipped);
                    } else if (attrs.isSymbolicLink()) {
                        skipped.add(new SkippedFile(relative(root, file),
                                "symbolic link, not followed; copy the file or folder into the corpus instead"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!isHidden(file)) {
                        skipped.add(new SkippedFile(relative(root, file), unreadable(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new Ip4botException("cannot walk the corpus folder " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(CorpusEntry::path));
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new ScanResult(entries, skipped);
    }

    private void visit(Path root, Path file, long size, List<CorpusEntry> entries, List<SkippedFile> skipped) {
        String path = relative(root, file);
        if (!FileTypes.isSupported(file.getFileName().toString())) {
            skipped.add(new SkippedFile(path, FileTypes.unsupportedReason(file.getFileName().toString())));
            return;
        }
        if (size > maxFileBytes) {
            skipped.add(new SkippedFile(path, String.format(Locale.ROOT,
                    "file is %.1f MB, over the %.1f MB limit; split it or raise IP4BOT_MAX_FILE_MB",
                    size / MEGABYTE, maxFileBytes / MEGABYTE)));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            skipped.add(new SkippedFile(path, unreadable(e)));
            return;
        }
        if (isBlank(bytes)) {
            skipped.add(new SkippedFile(path, "empty file"));
            return;
        }
        entries.add(new CorpusEntry(path, file.toAbsolutePath(), sha256(bytes), bytes.length));
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Only ASCII whitespace and a UTF-8 byte-order mark count as blank: any other byte may be content. */
    private static boolean isBlank(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static String unreadable(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "cannot read file: " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
