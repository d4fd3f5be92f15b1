package org.kplan.rules.thr;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** THR001: integration therapy that cannot be placed in its post-dose window. Reported by the engine. */
public final class TherapyUnplaceable extends Rule {
  public TherapyUnplaceable() {
    super(meta("THR001", Severity.ERROR, "Integration therapy that cannot be placed in its post-dose window")
        .perSession()
        .origin(Origin.ENGINE)
        .sources(Sources.KAP_PRACTICE, Sources.WINDOW_CONVENTION, Sources.PLAN_FORMAT)
        .explanation("""
            The scheduler places each session's therapy (`therapy.perSession` of them) on the
            dosing day plus `therapy.preferredDay` at `therapy.time`, else at the next slot that
            starts inside `therapy.window`, after monitoring ends, before the next dose, inside
            clinic hours and not over another appointment. When no such slot exists the therapy is
            reported here (with the reason the preferred slot failed) rather than invented.

            Typical causes: a window that closes before the clinic reopens (a Friday dose, a 24-48 h
            window and no weekend hours), or the next dose coming before the window opens.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
