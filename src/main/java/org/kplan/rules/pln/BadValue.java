package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN003: A value of the wrong type or form. Reported by the loader, documented here. */
public final class BadValue extends Rule {
  public BadValue() {
    super(meta("PLN003", Severity.ERROR, "A value of the wrong type or form")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            A date that is not YYYY-MM-DD, a time that is not HH:MM, a duration without a unit, an
            unknown weekday, time zone, route, task kind or contraindication, a number out of range,
            or a combination the format forbids (a phase with both `perWeek` and `every`). The
            message says what was expected and suggests the nearest valid value.

            The engine also uses this code when a plan would make more events than a schedule may
            hold.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
