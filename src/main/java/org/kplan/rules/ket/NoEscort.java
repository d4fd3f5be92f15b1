package org.kplan.rules.ket;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** KET024: no escort home after dosing, or an escort before monitoring ends. */
public final class NoEscort extends Rule {
  public NoEscort() {
    super(meta("KET024", Severity.ERROR, "No escort home after dosing, or one before monitoring ends")
        .sources(Sources.ESK_DRIVING, Sources.ESK_MONITORING)
        .explanation("""
            `ketamine.sessionTasks` must hold a task of `kind: escort` (someone takes the patient
            home), and it must not start before monitoring ends (`dosing` plus `monitoring` after
            the start of dosing).

            The Spravato label: patients do not drive or operate machinery until the next day
            after a restful sleep, and someone drives them home after each session; monitoring
            lasts at least 2 hours. For a minor the escort is a parent, guardian or designated
            adult. kplan applies this to every route.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    List<SessionTask> escorts = c.tasks("escort");
    if (escorts.isEmpty()) {
      out.add(c.finding(c.tasksPath(), "no `kind: escort` session task; patients do not drive until the next day, and someone"
          + " takes them home after each session (fact 17)"));
      return out;
    }
    PlanDuration end = PlanDuration.ofMinutes(c.plan().ketamine().dosing().elapsed().plus(c.plan().ketamine().monitoring().elapsed()).toMinutes());
    for (SessionTask t : escorts) {
      if (t.at().compareTo(end) < 0) {
        out.add(c.finding(Check.taskPath(t), "the escort home starts at " + t.at() + ", before monitoring ends at +" + end
            + "; the patient leaves only after monitoring (facts 10, 17)"));
      }
    }
    return out;
  }
}
