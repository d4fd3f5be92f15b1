package org.kplan.rules.thr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Event;

/** THR002: a dosing session with no integration therapy in its post-dose window. */
public final class NoIntegration extends Rule {
  public NoIntegration() {
    super(meta("THR002", Severity.WARNING, "Dosing session without integration therapy in its post-dose window")
        .perSession()
        .sources(Sources.PRICE_2022, Sources.WINDOW_CONVENTION, Sources.KAP_PRACTICE)
        .explanation("""
            Every dosing session should have at least one integration therapy session in its
            post-dose window. Reported once for the plan when it has no `therapy` section (or
            `perSession: 0`), and for each session whose therapy is missing from the schedule for
            another reason than THR001 (which already reports therapy that could not be placed).

            The best trial evidence on timing (Price 2022) started training one day after the
            infusion; clinics place integration 1-3 days after IV or IM dosing. The window itself
            is practice convention, not established in humans.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    List<Event> doses = c.doses();
    if (doses.isEmpty()) return out;
    if (c.plan().therapy() == null || c.plan().therapy().perSession() == 0) {
      String path = c.plan().therapy() == null ? "" : "therapy.perSession";
      out.add(c.finding(path, "no integration therapy is planned: none of the " + doses.size() + " dosing sessions has a therapy"
          + " session in its post-dose window (facts 47, 54)"));
      return out;
    }
    Set<String> reportedEvents = new HashSet<>();
    for (Finding f : c.schedule().findings()) {
      if (f.rule().equals(Codes.THR_UNPLACEABLE) && f.event() != null) reportedEvents.add(f.event());
    }
    for (Event d : doses) {
      boolean has = !c.therapyOf(d.session()).isEmpty();
      boolean reported = reportedEvents.contains(d.id());
      if (!has && !reported) {
        out.add(c.finding(c.pathOf(d), "dosing session " + d.session() + " has no integration therapy in its post-dose window"
            + " (facts 47, 54)", d.id()));
      }
    }
    return out;
  }
}
