package org.kplan.rules.thr;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;

/** THR003: therapy, a follow-up or an assessment during dosing or monitoring. */
public final class DuringMonitoring extends Rule {
  public DuringMonitoring() {
    super(meta("THR003", Severity.ERROR, "Therapy or another appointment during dosing or monitoring")
        .sources(Sources.ESK_MONITORING, Sources.ESK_SEDATION, Sources.ESK_DRIVING)
        .explanation("""
            Reports a therapy session, follow-up or assessment that overlaps a dosing session
            from the start of dosing to the end of monitoring. The scheduler keeps integration
            therapy out of monitoring, but a follow-up at a fixed time or milestone (`at:
            session:3` with a `time`) lands where it is put. Session tasks (vitals, observation)
            belong in monitoring and are not reported.

            During monitoring patients are often sedated or dissociated (peaking 30 to 45 minutes
            after dosing) and are observed on site for at least 2 hours; appointments that need
            their attention come after monitoring ends.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    List<Event> doses = c.doses();
    for (Event e : c.schedule().events()) {
      if (e.kind() != EventKind.THERAPY && e.kind() != EventKind.FOLLOW_UP && e.kind() != EventKind.ASSESSMENT) continue;
      for (Event d : doses) {
        if (e.start().isBefore(d.end()) && d.start().isBefore(e.end())) {
          out.add(c.finding(c.pathOf(e), "`" + e.title() + "` (" + Engine.describe(e.start()) + "-" + e.end().toLocalTime()
              + ") overlaps dosing session " + d.session() + " and its monitoring (" + d.start().toLocalTime() + "-"
              + d.end().toLocalTime() + "); patients are observed on site then, often sedated (facts 10, 18)", e.id()));
          break;
        }
      }
    }
    return out;
  }
}
