package org.kplan.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.kplan.plan.Codes;
import org.kplan.plan.Templates;

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

  /**
   * Every rule code kplan knows, sorted. The single source for completion: until the rule
   * catalogue lands, the codes the loader and the engine report ({@link Codes}); then, the
   * catalogue's codes.
   */
  static List<String> ruleCodes() {
    TreeSet<String> codes = new TreeSet<>();
    for (Field f : Codes.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          codes.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(codes);
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
