package org.kplan.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Schedule;

/**
 * Validates one plan or template text: loads it (structural problems become PLN findings),
 * schedules it and runs the catalogue. Templates without a start date are scheduled from the
 * fixed synthetic start {@link #TEMPLATE_START} (in UTC when they have no time zone), so that the
 * schedule rules run on them too. Thread-safe: {@code kplan validate} runs many at once.
 */
public final class Validator {
  /** The start date given to a template that has none: a Monday, fixed so results are reproducible. */
  public static final LocalDate TEMPLATE_START = LocalDate.of(2030, 1, 7);

  private final Profile profile;
  private final Instant now;

  /** {@code profile} applies over each plan's own {@code rules:}; {@code now} decides which sessions are past (PLN007). */
  public Validator(Profile profile, Instant now) {
    this.profile = profile;
    this.now = now;
  }

  /** Every finding for the text of {@code name}; relative {@code extends} resolve against {@code dir}. */
  public List<Finding> validate(String name, String text, Path dir) {
    Plan plan;
    try {
      plan = new PlanLoader().load(name, text, dir);
    } catch (InputException e) {
      return e.problems();
    }
    boolean synthetic = false;
    if (plan.isTemplate()) {
      if (plan.start() == null) {
        plan = plan.withStart(TEMPLATE_START);
        synthetic = true;
      }
      if (plan.timezone() == null) {
        plan = plan.withTimezone(ZoneOffset.UTC);
      }
      if (plan.ketamine() == null || plan.ketamine().phases().isEmpty() || plan.ketamine().route() == null) {
        // nothing to schedule: a partial template is checked for structure (and its rule settings) only
        List<Finding> problems = new ArrayList<>();
        Profile.parse(plan.rules(), problems);
        Collections.sort(problems);
        return Collections.unmodifiableList(problems);
      }
    }
    HolidaySource holidays = HolidayCalendars.forPlan(plan);
    Schedule s = Engine.schedule(plan, now, holidays);
    List<Finding> all = Rules.check(plan, s, profile);
    if (!synthetic) return all;
    List<Finding> kept = new ArrayList<>();
    for (Finding f : all) if (!f.rule().equals(Codes.PLN_PAST)) kept.add(f);
    return Collections.unmodifiableList(kept);
  }
}
