package org.ip4bot.index;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Restricts a search. Empty sets and empty dates mean "no restriction".
 *
 * @param countries partner names; a chunk matches when its document names any of them (case-insensitive)
 * @param from      earliest document date, inclusive
 * @param to        latest document date, inclusive
 * @param documents document paths relative to the corpus root, or bare file names
 */
public record SearchFilter(Set<String> countries, Optional<LocalDate> from, Optional<LocalDate> to, Set<String> documents) {

    public static final SearchFilter NONE = new SearchFilter(Set.of(), Optional.empty(), Optional.empty(), Set.of());

    public SearchFilter {
        countries = Set.copyOf(Objects.requireNonNull(countries, "countries"));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        documents = Set.copyOf(Objects.requireNonNull(documents, "documents"));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("date filter 'from' " + from.get() + " is after 'to' " + to.get());
        }
    }

    public static SearchFilter country(String country) {
        return new SearchFilter(Set.of(country), Optional.empty(), Optional.empty(), Set.of());
    }

    public boolean isEmpty() {
        return countries.isEmpty() && from.isEmpty() && to.isEmpty() && documents.isEmpty();
    }
}
