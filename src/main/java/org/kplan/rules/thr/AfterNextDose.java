package org.kplan.rules.thr;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Hours;
import org.kplan.plan.Plan.Therapy;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** THR005: a session's therapy preferred (or placed) at or after the next dose. */
public final class AfterNextDose extends Rule {
  public AfterNextDose() {
    super(meta("THR005", Severity.WARNING, "Therapy preferred or placed after the next dose")
        .sources(Sources.KAP_PRACTICE, Sources.PRICE_2022)
        .explanation("""
            A session's integration therapy belongs between that dose and the next. The rule
            reports, once for the plan, the sessions whose preferred therapy slot (the dosing day
            plus `therapy.preferredDay`, at `therapy.time`) is at or after the start of the next
            dose: the scheduler then moves their therapy earlier, so the plan's preference does
            not hold. It also reports any scheduled therapy that ends after the next dose starts.

            Clinics place integration 1-3 days after dosing and before the next dose; the best
            trial evidence (Price 2022) started the day after the infusion.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    Therapy th = c.plan().therapy();
    if (th == null || th.perSession() == 0) return out;
    List<Event> doses = c.doses();
    List<Integer> late = new ArrayList<>();
    for (int i = 0; i + 1 < doses.size(); i++) {
      Event d = doses.get(i), next = doses.get(i + 1);
      var date = d.start().toLocalDate().plusDays(th.preferredDay());
      LocalTime t = th.time();
      if (t == null) {
        Hours h = c.plan().clinic().hours().get(date.getDayOfWeek());
        t = h == null ? LocalTime.of(9, 0) : h.open();
      }
      ZonedDateTime preferred = ZonedDateTime.of(date, t, c.plan().timezone());
      if (!preferred.isBefore(next.start())) late.add(d.session());
      for (Event e : c.therapyOf(d.session())) {
        if (e.end().isAfter(next.start())) {
          out.add(c.finding(c.pathOf(e), "therapy after session " + d.session() + " (" + Engine.describe(e.start())
              + ") ends after the next dose starts (" + Engine.describe(next.start()) + ")", e.id()));
        }
      }
    }
    if (!late.isEmpty()) {
      String path = c.plan().node("therapy.preferredDay").isPresent() ? "therapy.preferredDay" : "therapy";
      out.add(c.finding(path, "for " + late.size() + " of " + doses.size() + " sessions (" + list(late) + ") the preferred"
          + " therapy slot (dosing day + " + th.preferredDay() + (th.time() == null ? "" : " at " + th.time())
          + ") is at or after the next dose, so their therapy cannot take it; integration comes between doses (fact 54)"));
    }
    return out;
  }

  private static String list(List<Integer> s) {
    StringBuilder b = new StringBuilder(s.size() == 1 ? "session " : "sessions ");
    for (int i = 0; i < s.size(); i++) b.append(i == 0 ? "" : ", ").append(s.get(i));
    return b.toString();
  }
}
