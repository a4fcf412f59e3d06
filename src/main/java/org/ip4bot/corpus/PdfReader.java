package org.ip4bot.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the text layer of a PDF with PDFBox, page by page; blocks carry their 1-based page number and no heading.
 *
 * <p>Paragraphs are what PDFBox detects from line spacing and indentation; a page where it detects none is cut after
 * lines that end a sentence. A word hyphenated across lines is joined ("coop-" + "eration"), other line wraps become
 * spaces, and a page number on the first or last line of a page is dropped. Title: the document information title,
 * else the file name.
 */
final class PdfReader implements DocumentReader {

    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][\"'\u201D\u2019)\\]]?");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?");

    @Override
    public SourceDocument read(CorpusEntry entry) {
        try (PDDocument pdf = Loader.loadPDF(entry.file().toFile())) {
            List<TextBlock> blocks = blocks(pdf);
            if (blocks.isEmpty()) {
                throw new CorpusReadException(Documents.NO_TEXT + " (scanned PDF? OCR it first)");
            }
            String title = pdf.getDocumentInformation().getTitle();
            String cleanTitle = title == null ? "" : Texts.normaliseWhitespace(title);
            DocumentMetadata metadata = DocumentMetadata.titled(
                    cleanTitle.isEmpty() ? Texts.titleFromFileName(entry.file()) : cleanTitle);
            return Documents.of(entry, metadata, blocks);
        } catch (InvalidPasswordException e) {
            throw new CorpusReadException("PDF is encrypted with a password; save an unprotected copy: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorpusReadException readException) {
                throw readException;
            }
            throw new CorpusReadException("PDF is corrupt or not a PDF: " + e.getMessage(), e);
        }
    }

    private static List<TextBlock> blocks(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        // an empty line after each paragraph PDFBox detects, so paragraphs can be split on blank lines
        stripper.setParagraphEnd("\n");
        List<TextBlock> blocks = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            for (String paragraph : paragraphs(stripper.getText(pdf))) {
                blocks.add(new TextBlock("", page, paragraph));
            }
        }
        return blocks;
    }

    /** The paragraphs of one page's text, each joined into one whitespace-normalised line. */
    static List<String> paragraphs(String pageText) {
        List<String> lines = new ArrayList<>(pageText.lines().map(String::strip).toList());
        dropPageNumbers(lines);
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        if (groups.size() == 1) {
            groups = cutAfterSentenceEnds(groups.get(0));
        }
        return groups.stream().map(PdfReader::join).filter(text -> !text.isEmpty()).toList();
    }

    /** A page number sits on the first or last line of a page; elsewhere a lone number may be content. */
    private static void dropPageNumbers(List<String> lines) {
        trimBlankLines(lines);
        if (!lines.isEmpty() && PAGE_NUMBER.matcher(lines.get(0)).matches()) {
            lines.remove(0);
        }
        trimBlankLines(lines);
        if (!lines.isEmpty() && PAGE_NUMBER.matcher(lines.get(lines.size() - 1)).matches()) {
            lines.remove(lines.size() - 1);
        }
    }

    private static void trimBlankLines(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }

    private static List<List<String>> cutAfterSentenceEnds(List<String> lines) {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            current.add(line);
            if (SENTENCE_END.matcher(line).matches()) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static String join(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            int end = text.length();
            boolean brokenAtHyphen = end > 1 && text.charAt(end - 1) == '-' && Character.isLetter(text.charAt(end - 2));
            if (brokenAtHyphen && Character.isLowerCase(line.charAt(0))) {
                // "coop-" + "eration": a word hyphenated only to wrap the line
                text.setLength(end - 1);
            } else if (end > 0 && !brokenAtHyphen) {
                // "Indo-" + "Pacific" keeps its hyphen; any other wrap is a space
                text.append(' ');
            }
            text.append(line);
        }
        return Texts.normaliseWhitespace(text.toString());
    }
}
