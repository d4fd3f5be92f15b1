package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN006: The same key twice in one mapping. Reported by the loader, documented here. */
public final class DuplicateKey extends Rule {
  public DuplicateKey() {
    super(meta("PLN006", Severity.ERROR, "The same key twice in one mapping")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            YAML parsers disagree on which of two equal keys wins, so a plan with a duplicate key
            could mean different things to different tools. kplan refuses it and names the line of
            the first occurrence. Also used for a phase name used twice and clinic hours given twice
            for one weekday.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
