package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN005: A reference that does not resolve. Reported by the loader, documented here. */
public final class BadReference extends Rule {
  public BadReference() {
    super(meta("PLN005", Severity.ERROR, "A reference that does not resolve")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            `extends` names a template that does not exist (or forms a cycle), or a milestone
            names a phase or session number the plan does not have (`phase-end:inducton`,
            `session:9` in a 6-session plan). The message lists what exists.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
