package org.kplan.rules.ket;

import java.time.Duration;
import java.util.ArrayList;
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

/** KET012: two dosing sessions closer than the minimum gap. */
public final class MinGap extends Rule {
  static final Threshold<PlanDuration> MIN_GAP = Threshold.duration("minGap", "48h",
      "shortest elapsed time between the starts of two dosing sessions",
      Sources.SPACING_DERIVED, Sources.MURROUGH_2013, Sources.SINGH_2016, Sources.ALBOTT_2018);

  public MinGap() {
    super(meta("KET012", Severity.WARNING, "Two dosing sessions closer together than the minimum gap")
        .perSession()
        .thresholds(MIN_GAP)
        .sources(Sources.SPACING_DERIVED, Sources.MURROUGH_2013, Sources.SINGH_2016, Sources.ALBOTT_2018)
        .explanation("""
            Reports each dosing session (any route) that starts less than `minGap` of elapsed
            time after the one before it. The plan's own `ketamine.minSpacing`, if set, only
            steers the scheduler; this rule checks the result.

            No label sets a minimum between doses. The studied schedules are twice weekly
            (Singh 2016) and Monday/Wednesday/Friday (Murrough 2013, Albott 2018), which leave at
            least a calendar day between doses; 48 hours is a derived default (rules-sources,
            section 9). A Monday/Wednesday/Friday series that crosses a spring DST change has one
            47-hour gap, which this rule reports: waive it for that session if intended.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    List<Event> doses = c.doses();
    PlanDuration min = c.value(MIN_GAP);
    for (int i = 1; i < doses.size(); i++) {
      Event prev = doses.get(i - 1), e = doses.get(i);
      Duration gap = Duration.between(prev.start(), e.start());
      if (gap.compareTo(min.approximate()) < 0) {
        out.add(c.finding(c.phasePath(e), "dosing session " + e.session() + " (" + Engine.describe(e.start()) + ") starts "
            + Doses.duration(gap) + " after session " + prev.session() + "; the minimum gap between dose starts is " + min
            + " (derived default, rules-sources section 9)", e.id()));
      }
    }
    return out;
  }
}
