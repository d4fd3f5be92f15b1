package org.kplan.rules.ket;

import java.time.temporal.ChronoUnit;
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

/** KET011: more esketamine sessions in 7 days than the label allows for the treatment week. */
public final class EsketamineFrequency extends Rule {
  static final Threshold<Integer> WEEKS_1_TO_4 = Threshold.integer("weeks1to4", 2, 1, 7, "per 7 days",
      "most sessions in any 7 days during treatment weeks 1-4 (induction)", Sources.ESK_INDUCTION, Sources.ESK_MDSI);
  static final Threshold<Integer> WEEKS_5_TO_8 = Threshold.integer("weeks5to8", 1, 1, 7, "per 7 days",
      "most sessions in any 7 days during treatment weeks 5-8", Sources.ESK_MAINTENANCE);
  static final Threshold<Integer> FROM_WEEK_9 = Threshold.integer("fromWeek9", 1, 1, 7, "per 7 days",
      "most sessions in any 7 days from treatment week 9 (every 2 weeks or weekly)", Sources.ESK_CONTINUATION);

  public EsketamineFrequency() {
    super(meta("KET011", Severity.ERROR, "More esketamine sessions in 7 days than the label gives for the treatment week")
        .perSession()
        .thresholds(WEEKS_1_TO_4, WEEKS_5_TO_8, FROM_WEEK_9)
        .sources(Sources.ESK_INDUCTION, Sources.ESK_MAINTENANCE, Sources.ESK_CONTINUATION)
        .explanation("""
            For `route: intranasal`, counts the dosing sessions in every rolling 7 days (each
            session and those that started less than 7 days before it). Treatment week 1 starts
            on the day of the first dose. A window may hold as many sessions as the most generous
            treatment week it touches allows: `weeks1to4`, `weeks5to8` or `fromWeek9`. So the step
            from twice weekly (week 4) to weekly (week 5) is not reported, but two doses in one
            week from week 5 on are.

            The Spravato label for treatment-resistant depression: twice weekly in weeks 1-4,
            once weekly in weeks 5-8, then every 2 weeks or once weekly "individualized to the
            lowest frequency required". For MDD with acute suicidal ideation the label gives twice
            weekly for 4 weeks; use beyond 4 weeks has not been studied.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!"intranasal".equals(c.route())) return out;
    List<Event> doses = c.doses();
    if (doses.isEmpty()) return out;
    List<List<Event>> weeks = Doses.rollingWeeks(doses);
    for (int i = 0; i < doses.size(); i++) {
      List<Event> window = weeks.get(i);
      int week = week(doses.get(0), window.get(0));
      int limit = limit(c, week);
      if (window.size() > limit) {
        Event e = doses.get(i);
        int thisWeek = week(doses.get(0), e);
        out.add(c.finding(c.phasePath(e), "esketamine session " + e.session() + " (" + Engine.describe(e.start()) + ") is the "
            + Doses.ordinal(window.size()) + " in 7 days (since " + Engine.describe(window.get(0).start()) + ") in treatment week "
            + thisWeek + "; the label gives at most " + limit + " a week in " + range(week) + " (" + fact(week) + ")", e.id()));
      }
    }
    return out;
  }

  private static int week(Event first, Event e) {
    return (int) (ChronoUnit.DAYS.between(first.start().toLocalDate(), e.start().toLocalDate()) / 7) + 1;
  }

  private int limit(Check c, int week) {
    return week <= 4 ? c.value(WEEKS_1_TO_4) : week <= 8 ? c.value(WEEKS_5_TO_8) : c.value(FROM_WEEK_9);
  }

  private static String range(int week) {
    return week <= 4 ? "weeks 1-4" : week <= 8 ? "weeks 5-8" : "week 9 on";
  }

  private static String fact(int week) {
    return week <= 4 ? "fact 1" : week <= 8 ? "fact 2" : "fact 3";
  }
}
