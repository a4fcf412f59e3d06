package org.ip4bot.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words people put around a question in chat ("quick one: can someone tell me...") that say nothing about what
 * is asked. They are left out of keyword search and of the evidence measures, never out of the embedding.
 */
final class ChatFiller {

    private static final Set<String> WORDS = Arrays.stream((""
            + "i me my mine we us our ours you your yours he him his she her it its they them their theirs "
            + "someone somebody anyone anybody everyone people folks guys team "
            + "what whats when where which who whom whose why how whats hows who's what's how's "
            + "do does did done doing is are was were be been being am have has had having can could would "
            + "should will shall may might must get got gets getting go going went "
            + "quick one question q pls plz please thanks thx hi hey hello ok okay just actually really basically "
            + "know knew tell told say said ask asked need needs want wanted wonder wondering remind explain "
            + "give me rundown recap summary summarise summarize overview brief briefing describe "
            + "there here this that these those then than so very much many any some all also too still yet "
            + "about around again right wrong true sure thing things stuff kind sort bit lot lots "
            + "guess think thought heard hear seem seems apparently maybe perhaps "
            + "jan feb mar apr jun jul aug sep sept oct nov dec").split("\\s+"))
            .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private ChatFiller() {
    }

    static boolean isFiller(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT)) || word.chars().allMatch(Character::isDigit)
                && word.length() < 4;
    }

    /** The text with filler words removed, for keyword search. */
    static String strip(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}'’-]+"))
                .filter(w -> !w.isEmpty() && !isFiller(w))
                .collect(Collectors.joining(" "));
    }
}
