package org.kplan.rules.ket;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET025: no suicide-risk screening before each dose. */
public final class NoSuicideScreening extends Rule {
  static final Threshold<PlanDuration> MAX_BEFORE = Threshold.duration("maxBefore", "24h",
      "how long before the start of dosing the screening may be", Sources.CSSRS, Sources.ZERO_SUICIDE);

  public NoSuicideScreening() {
    super(meta("KET025", Severity.ERROR, "No suicide-risk screening before each dose")
        .thresholds(MAX_BEFORE)
        .sources(Sources.ZERO_SUICIDE, Sources.CSSRS, Sources.ESK_PEDIATRIC)
        .explanation("""
            `ketamine.sessionTasks` must hold a task of `kind: suicide-screening` (for example the
            C-SSRS screener, "since last visit" version) that starts at most `maxBefore` before
            the start of dosing and not after it.

            The Zero Suicide model screens everyone at every contact with the same tool; the
            C-SSRS triage treats yes to Q4 or Q5 in the past month, or any suicidal behaviour in
            the past 3 months, as severe risk. Antidepressants carry a suicidality warning, largest
            under 25 (fact 24).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    PlanDuration max = c.value(MAX_BEFORE);
    for (SessionTask t : c.tasks("suicide-screening")) {
      if ((t.at().negative() || t.at().isZero()) && t.at().negate().compareTo(max) <= 0) return List.of();
    }
    return List.of(c.finding(c.tasksPath(), "no `kind: suicide-screening` session task in the " + max
        + " before dosing; suicide risk is screened at every contact (C-SSRS, Zero Suicide, facts 61, 62)"));
  }
}
