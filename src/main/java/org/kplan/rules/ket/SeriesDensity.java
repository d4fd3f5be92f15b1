package org.kplan.rules.ket;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** KET015: more dosing sessions in 7 days than studied series gave (routes other than esketamine). */
public final class SeriesDensity extends Rule {
  static final Threshold<Integer> MAX_PER_7_DAYS = Threshold.integer("maxPer7Days", 3, 1, 7, "sessions",
      "most dosing sessions in any 7 days", Sources.MURROUGH_2013, Sources.SINGH_2016);

  public SeriesDensity() {
    super(meta("KET015", Severity.WARNING, "More ketamine sessions in 7 days than studied series")
        .perSession()
        .thresholds(MAX_PER_7_DAYS)
        .sources(Sources.MURROUGH_2013, Sources.SINGH_2016, Sources.CANMAT_2021)
        .explanation("""
            For every route except intranasal (esketamine has its label limits, KET011), counts
            the dosing sessions in every rolling 7 days and reports each session that makes the
            count exceed `maxPer7Days`.

            Studied IV series gave at most three infusions a week: Murrough 2013 (six infusions
            three times weekly over 12 days) and Singh 2016 (twice or thrice weekly, which worked
            alike). Repeated infusions have only Level-3 evidence (CANMAT 2021). Other routes have
            no studied frequency of their own, so the same default applies; a clinic changes it in
            its profile.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.route() == null || "intranasal".equals(c.route())) return out;
    int max = c.value(MAX_PER_7_DAYS);
    List<Event> doses = c.doses();
    List<List<Event>> weeks = Doses.rollingWeeks(doses);
    for (int i = 0; i < doses.size(); i++) {
      if (weeks.get(i).size() > max) {
        Event e = doses.get(i);
        out.add(c.finding(c.phasePath(e), "dosing session " + e.session() + " (" + Engine.describe(e.start()) + ") is the "
            + Doses.ordinal(weeks.get(i).size()) + " in 7 days (since " + Engine.describe(weeks.get(i).get(0).start())
            + "); studied series give at most " + max + " a week (facts 29, 30)", e.id()));
      }
    }
    return out;
  }
}
