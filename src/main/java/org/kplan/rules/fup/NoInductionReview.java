package org.kplan.rules.fup;

import java.time.LocalDate;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** FUP006: no response review at the end of induction. */
public final class NoInductionReview extends Rule {
  static final Threshold<PlanDuration> WITHIN = Threshold.duration("within", "7d",
      "latest day after the last induction session for the response review", Sources.ESK_REVIEW, Sources.MURROUGH_2013);

  public NoInductionReview() {
    super(meta("FUP006", Severity.WARNING, "No response review at the end of induction")
        .thresholds(WITHIN)
        .sources(Sources.ESK_REVIEW, Sources.MURROUGH_2013, Sources.CANMAT_2021)
        .explanation("""
            The induction is the plan's first phase. After its last session (the same day, after
            the dose, counts) and at most `within` after its day, the plan should have a
            `kind: psychiatry` follow-up that reviews the response.

            The Spravato label asks to evaluate evidence of therapeutic benefit at the end of
            induction to decide whether to continue. IV series were judged after the last of six
            infusions (Murrough 2013), and repeated infusions are a case-by-case decision
            (CANMAT 2021).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.plan().ketamine().phases().isEmpty()) return List.of();
    Phase induction = c.plan().ketamine().phases().get(0);
    List<Event> in = c.dosesOf(induction);
    if (in.isEmpty()) return List.of();
    Event last = in.get(in.size() - 1);
    LocalDate to = last.start().toLocalDate().plusDays(c.value(WITHIN).approximate().toDays());
    for (Event e : c.followUpEvents()) {
      if ("psychiatry".equals(e.category()) && e.start().isAfter(last.start()) && !e.start().toLocalDate().isAfter(to)) return List.of();
    }
    return List.of(c.finding(c.followUpsPath(), "no psychiatry review (`kind: psychiatry`) in the " + Check.human(c.value(WITHIN))
        + " after the last session of phase `" + induction.name() + "` (" + Engine.describe(last.start())
        + "); the label evaluates benefit at the end of induction (fact 4)", last.id()));
  }
}
