package org.kplan.rules.fup;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
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
import org.kplan.schedule.EventKind;

/** FUP005: too long without an assessment during treatment. */
public final class AssessmentGap extends Rule {
  static final Threshold<PlanDuration> MAX_GAP = Threshold.duration("maxGap", "4w",
      "longest time without an assessment between the first and the last dose", Sources.YOUTH_CADENCE, Sources.PHQ9);

  public AssessmentGap() {
    super(meta("FUP005", Severity.WARNING, "Too long without an assessment during treatment")
        .thresholds(MAX_GAP)
        .sources(Sources.YOUTH_CADENCE, Sources.PHQ9, Sources.PHQA)
        .explanation("""
            From the first to the last dose, reports every stretch longer than `maxGap` without
            an assessment (a follow-up of `kind: assessment` or a session task of `kind:
            assessment`). The stretch before the first assessment counts from the first dose (or
            from the baseline before it).

            Follow-up after starting youth depression treatment is weekly to every 2 weeks at
            first, then every 4 to 6 weeks (BMJ Best Practice); the schedule defaults measure
            symptoms weekly during induction, at its end, then every 2 to 4 weeks.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.firstDose().isEmpty()) return out;
    ZonedDateTime first = c.firstDose().get().start(), last = c.lastDose().get().start();
    List<ZonedDateTime> times = new ArrayList<>();
    for (Event e : c.schedule().events()) {
      if (e.kind() == EventKind.ASSESSMENT || (e.kind() == EventKind.TASK && "assessment".equals(e.category()))) times.add(e.start());
    }
    Collections.sort(times);
    PlanDuration max = c.value(MAX_GAP);
    ZonedDateTime prev = first;
    for (ZonedDateTime t : times) if (!t.isAfter(first)) prev = t;
    for (ZonedDateTime t : times) {
      if (!t.isAfter(first)) continue;
      if (t.isAfter(last)) {
        gap(c, prev, last, max, out, true);
        return out;
      }
      gap(c, prev, t, max, out, false);
      prev = t;
    }
    gap(c, prev, last, max, out, true);
    return out;
  }

  private static void gap(Check c, ZonedDateTime from, ZonedDateTime to, PlanDuration max, List<Finding> out, boolean toLastDose) {
    Duration d = Duration.between(from, to);
    if (d.compareTo(max.approximate()) <= 0) return;
    out.add(c.finding(c.followUpsPath(), "no assessment from " + Engine.describe(from) + " to " + Engine.describe(to)
        + (toLastDose ? " (the last dose)" : "") + ", " + d.toDays() + " days; symptoms are measured at least every " + Check.human(max)
        + " during treatment (facts 58, 69)"));
  }
}
