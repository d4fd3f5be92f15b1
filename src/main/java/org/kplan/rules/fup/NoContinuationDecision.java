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

/** FUP002: no psychiatry review to decide on continuation soon after the last dose. */
public final class NoContinuationDecision extends Rule {
  static final Threshold<PlanDuration> WITHIN = Threshold.duration("within", "14d",
      "latest day after the last dose for a psychiatry review", Sources.RELAPSE_TIMING, Sources.MURROUGH_2013, Sources.ALBOTT_2018);

  public NoContinuationDecision() {
    super(meta("FUP002", Severity.WARNING, "No psychiatry review to decide on continuation after the last dose")
        .thresholds(WITHIN)
        .sources(Sources.RELAPSE_TIMING, Sources.MURROUGH_2013, Sources.ALBOTT_2018)
        .explanation("""
            After the last scheduled dose, the plan should have a `kind: psychiatry` follow-up
            that starts after the dose and at most `within` after its day: the review that
            decides on maintenance, step-down or stopping.

            Among responders to six IV infusions, median relapse came 18 days after the last one
            (Murrough 2013); 20 days for depression and 41 for PTSD in Albott 2018. A continuation
            decision is therefore needed within about two weeks of the last dose.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.lastDose().isEmpty()) return List.of();
    Event last = c.lastDose().get();
    LocalDate to = last.start().toLocalDate().plusDays(c.value(WITHIN).approximate().toDays());
    for (Event e : c.followUpEvents()) {
      if ("psychiatry".equals(e.category()) && e.start().isAfter(last.start()) && !e.start().toLocalDate().isAfter(to)) return List.of();
    }
    return List.of(c.finding(c.followUpsPath(), "no psychiatry review (`kind: psychiatry`) in the " + Check.human(c.value(WITHIN))
        + " after the last dose (" + Engine.describe(last.start()) + "); median relapse after a series comes 18-41 days after the"
        + " last dose, so a continuation decision is due within about 2 weeks (fact 76)", last.id()));
  }
}
