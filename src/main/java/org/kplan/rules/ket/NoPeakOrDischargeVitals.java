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
import org.kplan.rules.Threshold;

/** KET022: no vitals near the blood-pressure peak or before discharge. */
public final class NoPeakOrDischargeVitals extends Rule {
  static final Threshold<PlanDuration> PEAK_AT = Threshold.duration("peakAt", "40m",
      "when blood pressure peaks, from the start of dosing", Sources.ESK_BP_PEAK, Sources.ESK_BP, Sources.REMS_FORM);
  static final Threshold<PlanDuration> PEAK_TOLERANCE = Threshold.duration("peakTolerance", "10m",
      "how far from `peakAt` the peak vitals task may start", Sources.REMS_FORM);
  static final Threshold<PlanDuration> BEFORE_DISCHARGE = Threshold.duration("beforeDischarge", "30m",
      "how long before the end of monitoring the discharge vitals task may start", Sources.REMS_FORM, Sources.ESK_BP);

  public NoPeakOrDischargeVitals() {
    super(meta("KET022", Severity.WARNING, "No vitals check near the blood-pressure peak or before discharge")
        .thresholds(PEAK_AT, PEAK_TOLERANCE, BEFORE_DISCHARGE)
        .sources(Sources.ESK_BP, Sources.ESK_BP_PEAK, Sources.REMS_FORM)
        .explanation("""
            `ketamine.sessionTasks` should hold a `kind: vitals` task that starts within
            `peakTolerance` of `peakAt` after the start of dosing, and one that starts in the last
            `beforeDischarge` of monitoring (the end of monitoring is `dosing` plus `monitoring`
            after the start). Each missing checkpoint is one finding.

            The Spravato label has blood pressure rechecked about 40 minutes after dosing, when
            the rise peaks, and before the patient leaves; the REMS Patient Monitoring Form has
            the same three timepoints (before, 40 minutes after, before the session ends). IV
            blood pressure also peaks about 40 minutes after the start of infusion (fact 33).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    PlanDuration peak = c.value(PEAK_AT), tol = c.value(PEAK_TOLERANCE), before = c.value(BEFORE_DISCHARGE);
    long p = peak.approximate().toMinutes(), t = tol.approximate().toMinutes();
    long end = c.plan().ketamine().dosing().elapsed().plus(c.plan().ketamine().monitoring().elapsed()).toMinutes();
    List<SessionTask> vitals = c.tasks("vitals");
    boolean atPeak = false, atEnd = false;
    long from = end - before.approximate().toMinutes();
    for (SessionTask v : vitals) {
      if (Math.abs(at(v) - p) <= t) atPeak = true;
      if (at(v) >= from && at(v) <= end) atEnd = true;
    }
    if (!atPeak) {
      out.add(c.finding(c.tasksPath(), "no `kind: vitals` session task at " + peak + " (within " + tol + ") after the start of"
          + " dosing, when blood pressure peaks; the label and the REMS form recheck it then (facts 11, 13, 14)"));
    }
    if (!atEnd) {
      out.add(c.finding(c.tasksPath(), "no `kind: vitals` session task in the last " + before + " of monitoring (from +"
          + PlanDuration.ofMinutes(Math.max(0, from)) + " to +" + PlanDuration.ofMinutes(end) + "), before the patient leaves;"
          + " the REMS form records blood pressure before the session ends (fact 14)"));
    }
    return out;
  }

  private static long at(SessionTask v) {
    return v.at().approximate().toMinutes();
  }
}
