package org.ip4bot.answer;

/** A document named without being cited: the closest documents when the corpus does not hold an answer. */
public record DocumentRef(String source, String title, String date, String url) {
}
