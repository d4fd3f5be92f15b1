package org.kplan.rules.ket;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET021: no vitals task before dosing. */
public final class NoPreDoseVitals extends Rule {
  static final Threshold<PlanDuration> WINDOW = Threshold.duration("window", "1h",
      "how long before the start of dosing the pre-dose vitals task may be", Sources.ESK_BP, Sources.REMS_FORM);

  public NoPreDoseVitals() {
    super(meta("KET021", Severity.ERROR, "No vitals check before dosing")
        .thresholds(WINDOW)
        .sources(Sources.ESK_BP, Sources.REMS_FORM, Sources.KETALAR)
        .explanation("""
            `ketamine.sessionTasks` must hold a task of `kind: vitals` that starts within
            `window` before the start of dosing (`at` from minus `window` to 0m). Session tasks
            repeat at every dosing session.

            The Spravato label has blood pressure checked before dosing, and the REMS Patient
            Monitoring Form records it; a significant rise in blood pressure is the Ketalar
            label's contraindication, so a baseline is needed to see one.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    PlanDuration w = c.value(WINDOW);
    for (SessionTask t : c.tasks("vitals")) {
      if ((t.at().negative() || t.at().isZero()) && t.at().negate().compareTo(w) <= 0) return List.of();
    }
    return List.of(c.finding(c.tasksPath(), "no `kind: vitals` session task in the " + w
        + " before dosing; the label and the REMS form take blood pressure before every dose (facts 11, 14)"));
  }
}
