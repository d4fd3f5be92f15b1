package org.kplan.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a plan: by the loader (structure, {@code PLN}), the engine (a session or
 * therapy that cannot be placed) or a rule. {@code event} is the schedule event it is about, or
 * null.
 */
public record Finding(String rule, Severity severity, String message, Pos pos, String event)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::pos)
          .thenComparing(Finding::rule)
          .thenComparing(f -> f.event == null ? "" : f.event)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
    Objects.requireNonNull(pos);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, message, pos, event);
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
