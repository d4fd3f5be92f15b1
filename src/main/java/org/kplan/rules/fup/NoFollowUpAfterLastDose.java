package org.kplan.rules.fup;

import java.time.LocalDate;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** FUP001: no follow-up visit within 7 days after the last dose. */
public final class NoFollowUpAfterLastDose extends Rule {
  /** Follow-up kinds that are visits with a mental-health provider or a program (HEDIS FUH counts IOP, PHP, peer support). */
  static final List<String> VISITS = List.of("psychiatry", "therapy", "family", "support-group", "step-down");
  static final Threshold<PlanDuration> WITHIN = Threshold.duration("within", "7d",
      "latest day after the last dose for the first follow-up visit", Sources.HEDIS_FUH, Sources.RELAPSE_TIMING);

  public NoFollowUpAfterLastDose() {
    super(meta("FUP001", Severity.WARNING, "No follow-up visit within 7 days after the last dose")
        .thresholds(WITHIN)
        .sources(Sources.HEDIS_FUH, Sources.RELAPSE_TIMING)
        .explanation("""
            After the last scheduled dose, the plan should have a follow-up visit (`kind:`
            psychiatry, therapy, family, support-group or step-down) on a later day, at most
            `within` days after it. Assessments alone and the integration therapy of the last
            session do not count: the point is continuity of care once dosing stops.

            HEDIS FUH measures a follow-up visit within 7 days after discharge from a
            mental-health hospitalization, and does not count visits on the same day; IOP, PHP,
            telehealth and peer-support visits count. Median relapse after an induction series
            comes 18 to 41 days after the last dose (facts 29, 38), so follow-up starts early.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.lastDose().isEmpty()) return List.of();
    Event last = c.lastDose().get();
    LocalDate from = last.start().toLocalDate().plusDays(1);
    LocalDate to = last.start().toLocalDate().plusDays(c.value(WITHIN).approximate().toDays());
    for (Event e : c.followUpEvents()) {
      if (VISITS.contains(e.category()) && !e.start().toLocalDate().isBefore(from) && !e.start().toLocalDate().isAfter(to)) return List.of();
    }
    return List.of(c.finding(c.followUpsPath(), "no follow-up visit (psychiatry, therapy, family, support group or step-down) in"
        + " the " + Check.human(c.value(WITHIN)) + " after the last dose (" + Engine.describe(last.start()) + "); HEDIS FUH counts a visit within"
        + " 7 days, not on the same day (fact 75)", last.id()));
  }
}
