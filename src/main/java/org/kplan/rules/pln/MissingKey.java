package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN004: A required key is missing. Reported by the loader, documented here. */
public final class MissingKey extends Rule {
  public MissingKey() {
    super(meta("PLN004", Severity.ERROR, "A required key is missing")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            A plan (`kind: plan`) needs `id`, `patient.ref`, `timezone`, `start`, and a
            `ketamine` section with `route`, `dose` and `phases`; a phase needs `name`,
            `sessions` and `perWeek` or `every`; a session task needs `name` and `at`.
            Templates (`kind: template`) may leave out the patient, time zone and start.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
