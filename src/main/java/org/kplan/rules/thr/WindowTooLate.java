package org.kplan.rules.thr;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Therapy;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;

/** THR004: therapy outside the post-dose window, or a window longer than the usual one. */
public final class WindowTooLate extends Rule {
  static final Threshold<PlanDuration> MAX_WINDOW_END = Threshold.duration("maxWindowEnd", "72h",
      "latest end of the therapy window after IV, IM or intranasal dosing", Sources.WINDOW_CONVENTION, Sources.KAP_PRACTICE);
  static final Threshold<PlanDuration> MAX_WINDOW_END_ORAL = Threshold.duration("maxWindowEndOral", "7d",
      "latest end of the therapy window after oral or sublingual dosing", Sources.KAP_PRACTICE);

  public WindowTooLate() {
    super(meta("THR004", Severity.WARNING, "Therapy outside the usual post-dose window")
        .thresholds(MAX_WINDOW_END, MAX_WINDOW_END_ORAL)
        .sources(Sources.WINDOW_CONVENTION, Sources.KAP_PRACTICE, Sources.PRICE_2022)
        .explanation("""
            Reports `therapy.window` when its end (`to`) lies beyond `maxWindowEnd` after the start
            of dosing (`maxWindowEndOral` for oral and sublingual routes), so that therapy may fall
            outside the post-dose window, and any scheduled therapy that starts outside its own
            window.

            Clinics place integration 1-3 days after IV or IM dosing and 1-7 days after oral
            dosing; the "24-72 hour" plasticity window is practice convention, not evidence, so a
            clinic that uses a longer one sets it in its profile.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    Therapy th = c.plan().therapy();
    if (th == null) return out;
    boolean oral = "oral".equals(c.route()) || "sublingual".equals(c.route());
    PlanDuration max = c.value(oral ? MAX_WINDOW_END_ORAL : MAX_WINDOW_END);
    String path = c.plan().node("therapy.window").isPresent() ? "therapy.window" : "therapy";
    if (th.windowTo().compareTo(max) > 0) {
      out.add(c.finding(path, "the therapy window runs to " + th.windowTo() + " after the start of dosing; integration is usually"
          + " within " + max + " of " + (oral ? "oral or sublingual" : "IV, IM or intranasal") + " dosing (facts 53, 54)"));
    }
    for (Event e : c.schedule().events()) {
      if (e.kind() != EventKind.THERAPY || e.window() == null) continue;
      if (e.start().isBefore(e.window().start()) || e.start().isAfter(e.window().end())) {
        out.add(c.finding(path, "therapy " + e.id() + " (" + Engine.describe(e.start()) + ") starts outside its window "
            + Engine.describe(e.window().start()) + " to " + Engine.describe(e.window().end()), e.id()));
      }
    }
    return out;
  }
}
