package org.kplan.rules.ket;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** KET017: an induction series longer than studied. */
public final class InductionLength extends Rule {
  static final Threshold<Integer> MAX_SESSIONS = Threshold.integer("maxSessions", 8, 1, 100, "sessions",
      "most sessions in the induction phase", Sources.ESK_INDUCTION, Sources.ABDALLAH_2022);
  static final Threshold<PlanDuration> MAX_SPAN = Threshold.duration("maxSpan", "4w",
      "longest time from the first to the last induction session", Sources.ESK_INDUCTION, Sources.SINGH_2016);

  public InductionLength() {
    super(meta("KET017", Severity.WARNING, "Induction series longer than studied")
        .thresholds(MAX_SESSIONS, MAX_SPAN)
        .sources(Sources.ESK_INDUCTION, Sources.SINGH_2016, Sources.ABDALLAH_2022, Sources.CANMAT_2021)
        .explanation("""
            The induction is the plan's first phase when it is a `perWeek` phase (an acute
            series). The rule reports an induction with more than `maxSessions` sessions, and one
            whose scheduled sessions span more than `maxSpan` from the first to the last (closures
            and holidays that push sessions back count).

            Esketamine induction is weeks 1-4 (eight sessions, twice weekly). Studied IV series
            run six infusions over two to three weeks, at most eight (Abdallah 2022), and up to
            four weeks (Singh 2016); repeated infusions have only Level-3 evidence (CANMAT 2021).
            A longer induction is a decision to make explicitly, with a waiver.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().ketamine() == null || c.plan().ketamine().phases().isEmpty()) return out;
    Phase p = c.plan().ketamine().phases().get(0);
    if (p.perWeek() == null) return out;
    String path = Check.phasePath(p);
    int max = c.value(MAX_SESSIONS);
    if (p.sessions() > max) {
      out.add(c.finding(path + ".sessions", "induction phase `" + p.name() + "` has " + p.sessions()
          + " sessions; studied induction series have at most " + max + " (facts 1, 39)"));
    }
    List<Event> in = c.dosesOf(p);
    if (in.size() >= 2) {
      Event first = in.get(0), last = in.get(in.size() - 1);
      long days = ChronoUnit.DAYS.between(first.start().toLocalDate(), last.start().toLocalDate());
      PlanDuration span = c.value(MAX_SPAN);
      if (days > span.approximate().toDays()) {
        out.add(c.finding(path, "induction phase `" + p.name() + "` runs " + days + " days, from " + Engine.describe(first.start())
            + " to " + Engine.describe(last.start()) + "; studied induction series last at most " + Check.human(span) + " (facts 1, 30)", last.id()));
      }
    }
    return out;
  }
}
