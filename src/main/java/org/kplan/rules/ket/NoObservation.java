package org.kplan.rules.ket;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** KET023: no sedation, dissociation and respiratory observation during monitoring. */
public final class NoObservation extends Rule {
  public NoObservation() {
    super(meta("KET023", Severity.WARNING, "No sedation and respiratory observation during monitoring")
        .sources(Sources.ESK_RESPIRATORY, Sources.ESK_SEDATION, Sources.MONITORING_SCALES)
        .explanation("""
            `ketamine.sessionTasks` should hold a task of `kind: observation` that starts during
            dosing or monitoring (from 0m to `dosing` plus `monitoring`): sedation (MOAA/S),
            dissociation (CADSS or CADSS-6) and respiratory status.

            The Spravato label reports sedation in about half and dissociation in most patients,
            peaking 30 to 45 minutes after dosing, and since October 2023 asks for respiratory
            status, including pulse oximetry, at every session.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    long end = c.plan().ketamine().dosing().elapsed().plus(c.plan().ketamine().monitoring().elapsed()).toMinutes();
    for (SessionTask t : c.tasks("observation")) {
      long at = t.at().approximate().toMinutes();
      if (at >= 0 && at <= end) return List.of();
    }
    return List.of(c.finding(c.tasksPath(), "no `kind: observation` session task during dosing or monitoring; the label asks"
        + " for sedation, dissociation and respiratory observation at every session (facts 16, 18)"));
  }
}
