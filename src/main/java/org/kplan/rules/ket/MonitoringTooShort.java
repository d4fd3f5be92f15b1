package org.kplan.rules.ket;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET020: post-dose monitoring shorter than the minimum. */
public final class MonitoringTooShort extends Rule {
  static final Threshold<PlanDuration> MIN_MONITORING = Threshold.duration("minMonitoring", "2h",
      "shortest on-site monitoring after dosing ends (`ketamine.monitoring`)",
      Sources.ESK_MONITORING, Sources.REMS_FORM, Sources.IV_OBSERVATION);

  public MonitoringTooShort() {
    super(meta("KET020", Severity.ERROR, "Post-dose monitoring shorter than the minimum")
        .thresholds(MIN_MONITORING)
        .sources(Sources.ESK_MONITORING, Sources.REMS_FORM, Sources.IV_OBSERVATION)
        .explanation("""
            Reports `ketamine.monitoring` (observation on site after dosing ends) shorter than
            `minMonitoring`.

            The Spravato label requires monitoring for at least 2 hours at every session, for
            sedation, dissociation and (since October 2023) respiratory depression; the REMS
            Patient Monitoring Form records the time from the first device to the end of
            monitoring. IV ketamine has no standard observation time (clinics report 30 minutes to
            2 hours), so kplan reuses the 2-hour floor for every route. Counting from the end of
            dosing also satisfies the REMS reading, which counts from the first device.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    PlanDuration min = c.value(MIN_MONITORING);
    PlanDuration m = c.plan().ketamine().monitoring();
    if (m.compareTo(min) >= 0) return List.of();
    return List.of(c.finding("ketamine.monitoring", "monitoring after dosing is " + m + "; the minimum is " + min
        + " at every session (esketamine label, fact 10; reused for every route, fact 37)"));
  }
}
