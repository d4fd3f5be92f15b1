package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN002: A key that the plan format does not have. Reported by the loader, documented here. */
public final class UnknownKey extends Rule {
  public UnknownKey() {
    super(meta("PLN002", Severity.ERROR, "A key that the plan format does not have")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            Every mapping in a plan has a closed set of keys (design.md, "The plan format"). An
            unknown key is almost always a typo, and a typo in a safety setting (say `monitorng:`)
            would otherwise be ignored silently and the default used. The message suggests the
            nearest valid key.

            The same code is used for an unknown rule code or setting in a `rules:` section.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
