package org.kplan.rules.hab;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** HAB002: No physical-activity habit in the plan. */
public final class NoActivityHabit extends Rule {
  public NoActivityHabit() {
    super(meta("HAB002", Severity.INFO, "No physical-activity habit in the plan")
        .sources(Sources.WHO_ACTIVITY)
        .explanation("""
            The plan's `habits` should hold one of `kind: activity`. How much activity it adds
            up to is HAB004.

            WHO recommends on average at least 60 minutes of moderate-to-vigorous activity a day
            for ages 5 to 17, and 150 to 300 minutes of moderate activity a week for adults.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    for (Habit h : c.plan().habits()) if (h.kind().equals("activity")) return List.of();
    return List.of(c.finding(c.plan().node("habits").isPresent() ? "habits" : "", "no `kind: activity` habit; WHO recommends 60 min a day for ages 5-17 and 150-300 min a week for adults (fact 72)"));
  }
}
