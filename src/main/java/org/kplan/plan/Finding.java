package org.kplan.plan;

import java.util.Objects;

/**
 * One problem found in a plan: by the loader (structure, {@code PLN}), the engine (a session or
 * therapy that cannot be placed) or a rule. {@code event} is the schedule event it is about, or
 * null.
 */
public record Finding(String rule, Severity severity, String message, Pos pos, String event)
    implements Comparable<Finding> {

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
    // by place, rule, event (none first) and message; written out, without a comparator chain
    int c = pos.compareTo(o.pos);
    if (c != 0) return c;
    c = rule.compareTo(o.rule);
    if (c != 0) return c;
    c = (event == null ? "" : event).compareTo(o.event == null ? "" : o.event);
    return c != 0 ? c : message.compareTo(o.message);
  }
}
