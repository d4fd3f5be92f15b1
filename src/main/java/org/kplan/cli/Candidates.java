package org.kplan.cli;

import java.util.Iterator;
import java.util.List;
import org.kplan.plan.Templates;
import org.kplan.rules.Catalogue;

/**
 * What the shell completes for option values and parameters beyond picocli's own (enum values,
 * files): template names and rule codes. Picocli options point at these with
 * {@code completionCandidates}; the completion scripts take them from there.
 */
final class Candidates {
  private Candidates() {}

  /** The built-in template names. */
  static List<String> templateNames() {
    return Templates.names();
  }

  /** Every rule code of the catalogue, sorted. The single source for completion. */
  static List<String> ruleCodes() {
    return Catalogue.codes();
  }

  /** {@code completionCandidates} for options that take a built-in template name. */
  static final class TemplateNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return templateNames().iterator();
    }
  }

  /** {@code completionCandidates} for parameters that take a rule code. */
  static final class RuleCodes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ruleCodes().iterator();
    }
  }
}
