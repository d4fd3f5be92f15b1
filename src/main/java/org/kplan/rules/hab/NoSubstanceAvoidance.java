package org.kplan.rules.hab;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** HAB003: No substance-avoidance habit in the plan. */
public final class NoSubstanceAvoidance extends Rule {
  public NoSubstanceAvoidance() {
    super(meta("HAB003", Severity.WARNING, "No substance-avoidance habit in the plan")
        .sources(Sources.ALCOHOL, Sources.ESK_INTERACTIONS, Sources.TRIAL_EXCLUSIONS)
        .explanation("""
            The plan's `habits` should hold one of `kind: substance-avoidance` (no alcohol or
            recreational drugs, above all on dosing days).

            Alcohol and other CNS depressants add to the sedation of (es)ketamine, and the dosing
            day is the critical time; substance misuse excluded patients from ketamine trials.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    for (Habit h : c.plan().habits()) if (h.kind().equals("substance-avoidance")) return List.of();
    return List.of(c.finding(c.plan().node("habits").isPresent() ? "habits" : "", "no `kind: substance-avoidance` habit; alcohol and other CNS depressants add to ketamine's sedation, above all on dosing days (facts 21, 73)"));
  }
}
