package org.kplan.rules;

import java.util.Objects;

/**
 * A published source for a rule or a default threshold: the fact number(s) in
 * {@code docs/sources.md} and the name of the document the fact comes from.
 *
 * @param facts fact numbers as written in rules-sources.md ({@code "10"}, {@code "29-31"},
 *     {@code "section 9"})
 * @param title the source document, as a reader would look it up
 */
public record Source(String facts, String title) {
  public Source {
    Objects.requireNonNull(facts);
    Objects.requireNonNull(title);
    if (facts.isBlank() || title.isBlank()) throw new IllegalArgumentException("a source needs facts and a title");
  }

  /** {@code fact 10: Spravato US prescribing information}. */
  @Override
  public String toString() {
    String what = facts.startsWith("section") || facts.startsWith("design") ? facts
        : (facts.matches("\\d+") ? "fact " : "facts ") + facts;
    return what + ": " + title;
  }
}
