package org.kplan.rules.hab;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** HAB004: activity habits that add up to less than the WHO amount for the patient's age. */
public final class ActivityBelowGuideline extends Rule {
  static final Threshold<PlanDuration> MINOR_DAILY = Threshold.duration("minorDaily", "60m",
      "activity a day, on average, under `adultAge`", Sources.WHO_ACTIVITY);
  static final Threshold<PlanDuration> ADULT_WEEKLY = Threshold.duration("adultWeekly", "150m",
      "activity a week from `adultAge`", Sources.WHO_ACTIVITY);
  static final Threshold<Integer> ADULT_AGE = Threshold.integer("adultAge", 18, 1, 30, "years",
      "age from which the adult amount applies", Sources.WHO_ACTIVITY);

  public ActivityBelowGuideline() {
    super(meta("HAB004", Severity.INFO, "Physical-activity habits below the WHO amount for the patient's age")
        .thresholds(MINOR_DAILY, ADULT_WEEKLY, ADULT_AGE)
        .sources(Sources.WHO_ACTIVITY)
        .explanation("""
            Adds up the minutes a week of the plan's `kind: activity` habits (duration times how
            often they repeat) and compares the total with `minorDaily` times 7 for a patient
            under `adultAge` at the first dose, and `adultWeekly` otherwise (also when the age is
            unknown). Activity habits without a `duration` are not counted; when none has one, the
            rule says nothing.

            WHO 2020: at least 60 minutes a day on average for ages 5 to 17; 150 to 300 minutes of
            moderate activity a week for adults.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Habit> timed = new ArrayList<>();
    for (Habit h : c.plan().habits()) if (h.kind().equals("activity") && !h.duration().isZero()) timed.add(h);
    if (timed.isEmpty()) return List.of();
    double minutes = 0;
    for (Habit h : timed) {
      double perWeek = h.every().byWeekdays() ? h.every().weekdays().size() : 7.0 / h.every().intervalDays();
      minutes += perWeek * h.duration().approximate().toMinutes();
    }
    boolean minor = c.minor(ADULT_AGE);
    long needed = minor ? c.value(MINOR_DAILY).approximate().toMinutes() * 7 : c.value(ADULT_WEEKLY).approximate().toMinutes();
    if (Math.round(minutes) >= needed) return List.of();
    String target = minor ? c.value(MINOR_DAILY).approximate().toMinutes() + " min a day (" + needed + " min a week) under " + c.value(ADULT_AGE)
        : needed + " min a week for adults";
    return List.of(c.finding("habits[" + timed.get(0).index() + "]", "activity habits add up to " + Math.round(minutes)
        + " min a week; WHO recommends at least " + target + " (fact 72)"));
  }
}
