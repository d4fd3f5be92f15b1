package org.kplan.rules.fup;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;

/** FUP004: no assessment before the first dose. */
public final class NoBaselineAssessment extends Rule {
  public NoBaselineAssessment() {
    super(meta("FUP004", Severity.WARNING, "No baseline assessment before the first dose")
        .sources(Sources.PHQ9, Sources.PHQA, Sources.GLAD_PC)
        .explanation("""
            The plan should have an assessment (a follow-up of `kind: assessment`, or a session
            task of `kind: assessment` before dosing) that starts before the first dose, so that
            later scores have a baseline.

            Symptom measures such as the PHQ-9 (adults) and the PHQ-A (ages 11 to 17) are
            compared with a baseline; GLAD-PC asks for a systematic assessment before treatment.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.firstDose().isEmpty()) return List.of();
    Event first = c.firstDose().get();
    for (Event e : c.schedule().events()) {
      if (e.start().isBefore(first.start())
          && (e.kind() == EventKind.ASSESSMENT || (e.kind() == EventKind.TASK && "assessment".equals(e.category())))) return List.of();
    }
    return List.of(c.finding(c.followUpsPath(), "no assessment (`kind: assessment`) before the first dose ("
        + Engine.describe(first.start()) + "); symptom scores such as the PHQ-9 or PHQ-A are compared with a baseline (facts 58, 59)",
        first.id()));
  }
}
