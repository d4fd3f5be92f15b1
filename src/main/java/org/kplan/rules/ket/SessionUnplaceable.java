package org.kplan.rules.ket;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** KET016: a dosing session the engine could not place. Reported by the engine. */
public final class SessionUnplaceable extends Rule {
  public SessionUnplaceable() {
    super(meta("KET016", Severity.ERROR, "Dosing session that cannot be placed")
        .perSession()
        .origin(Origin.ENGINE)
        .sources(Sources.PLAN_FORMAT, Sources.ESK_MONITORING)
        .explanation("""
            The scheduler moves a dosing session that cannot take its preferred slot (closed day,
            public holiday, spacing, the previous session still in monitoring) to the next slot
            where dosing and monitoring fit inside clinic hours, for up to 42 days. When no slot
            exists in that time, the session is reported here, with the reason its preferred slot
            failed, and left out of the schedule: sessions are never silently dropped or
            invented. Later sessions and milestones that depend on it shift or fail too.

            Typical causes: a dosing time so late that dosing and monitoring end after closing,
            clinic hours shorter than dosing plus monitoring, or a long closure.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
