package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN007: Dosing sessions scheduled before now. Reported by the engine, documented here. */
public final class SessionsInPast extends Rule {
  public SessionsInPast() {
    super(meta("PLN007", Severity.INFO, "Dosing sessions scheduled before now")
        .origin(Origin.ENGINE)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            The first dosing session lies before `now` (`--now`, else SOURCE_DATE_EPOCH, else
            the clock). This is normal for a plan under way and is only information; for a new plan
            it usually means the `start` date is wrong.

            Templates validated with the synthetic start date never report it.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
