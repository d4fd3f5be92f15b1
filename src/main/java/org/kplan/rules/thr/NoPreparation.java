package org.kplan.rules.thr;

import java.time.ZonedDateTime;
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

/** THR006: no preparation session before the first dose. */
public final class NoPreparation extends Rule {
  static final Threshold<Integer> MIN_SESSIONS = Threshold.integer("minSessions", 1, 0, 20, null,
      "fewest preparation sessions before the first dose", Sources.KAP_PRACTICE);
  static final Threshold<PlanDuration> WITHIN = Threshold.duration("within", "14d",
      "how long before the first dose a preparation session counts", Sources.KAP_PRACTICE);

  public NoPreparation() {
    super(meta("THR006", Severity.WARNING, "Too few preparation sessions before the first dose")
        .thresholds(MIN_SESSIONS, WITHIN)
        .sources(Sources.KAP_PRACTICE)
        .explanation("""
            Counts follow-ups of `kind: preparation` that start before the first dose and at
            most `within` before it, and reports a plan with fewer than `minSessions`.

            In ketamine-assisted psychotherapy practice, one to three or more preparation
            sessions come before the first dose (the built-in templates plan two).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.firstDose().isEmpty()) return List.of();
    Event first = c.firstDose().get();
    ZonedDateTime from = c.value(WITHIN).negate().addTo(first.start());
    long n = 0;
    for (Event e : c.followUpEvents()) {
      if ("preparation".equals(e.category()) && e.start().isBefore(first.start()) && !e.start().isBefore(from)) n++;
    }
    int min = c.value(MIN_SESSIONS);
    if (n >= min) return List.of();
    return List.of(c.finding(c.followUpsPath(), (n == 0 ? "no" : "only " + n) + " preparation session" + (n == 1 ? "" : "s")
        + " (`kind: preparation`) in the " + Check.human(c.value(WITHIN)) + " before the first dose (" + Engine.describe(first.start())
        + "); at least " + min + " expected, and KAP practice has one to three or more (fact 54)"));
  }
}
