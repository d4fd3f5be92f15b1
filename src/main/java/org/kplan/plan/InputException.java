package org.kplan.plan;

import java.util.Arrays;
import java.util.List;

/** A plan (or profile) that cannot be used: every problem found in it, in source order. Exit code 2. */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Finding> problems;

  public InputException(List<Finding> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).pos() + ": " + problems.get(0).message());
    Finding[] sorted = problems.toArray(new Finding[0]);
    Arrays.sort(sorted);
    this.problems = List.of(sorted);
  }

  public InputException(Pos pos, String message) {
    this(List.of(new Finding(Codes.PLN_SYNTAX, Severity.ERROR, message, pos, null)));
  }

  public List<Finding> problems() {
    return problems;
  }
}
