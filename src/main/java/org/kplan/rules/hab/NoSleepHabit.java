package org.kplan.rules.hab;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** HAB001: No sleep habit in the plan. */
public final class NoSleepHabit extends Rule {
  public NoSleepHabit() {
    super(meta("HAB001", Severity.WARNING, "No sleep habit in the plan")
        .sources(Sources.SLEEP)
        .explanation("""
            The plan's `habits` should hold one of `kind: sleep` (a regular bedtime, with the
            hours for the patient's age).

            Teens aged 13 to 18 need 8 to 10 hours per 24 hours, and short sleep in teens is linked
            to self-harm and suicidal thoughts (AASM); young adults and adults need 7 to 9 hours
            (National Sleep Foundation). Sleep is one of the habits the treatment model builds
            around the dosing sessions.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    for (Habit h : c.plan().habits()) if (h.kind().equals("sleep")) return List.of();
    return List.of(c.finding(c.plan().node("habits").isPresent() ? "habits" : "", "no `kind: sleep` habit; teens need 8-10 h and adults 7-9 h of sleep, and short sleep in teens is linked to self-harm (fact 71)"));
  }
}
