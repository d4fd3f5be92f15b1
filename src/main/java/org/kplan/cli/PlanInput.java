package org.kplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Schedule;
import org.kplan.term.Diagnostics;

/** Loading a plan argument ({@code -} for standard input) and scheduling it: shared by the commands. */
final class PlanInput {
  private PlanInput() {}

  static final String STDIN = "<stdin>";

  static Plan load(String arg, Context ctx, Diagnostics diag) throws InputException {
    PlanLoader loader = new PlanLoader();
    if (arg.equals("-")) {
      byte[] bytes;
      try {
        bytes = ctx.in.readNBytes(org.kplan.plan.YamlTree.MAX_BYTES + 1);
      } catch (IOException e) {
        throw new InputException(Pos.of(STDIN), "cannot read standard input: " + e.getMessage());
      }
      String text = PlanLoader.decode(bytes, STDIN, Pos.of(STDIN));
      diag.source(STDIN, text);
      return loader.load(STDIN, text, Path.of("").toAbsolutePath());
    }
    return loader.load(Path.of(arg));
  }

  /** A loaded plan and its schedule, with the rule checker's findings. */
  record Scheduled(Plan plan, Schedule schedule) {}

  /**
   * Loads, schedules and checks {@code arg}. When the plan cannot be used, prints every problem to
   * {@code err} and returns null (the caller exits with {@link Main#INPUT}).
   */
  static Scheduled loadAndSchedule(String arg, LocalDate start, Instant now, Context ctx, Diagnostics diag, java.io.PrintWriter err) {
    try {
      Plan p = load(arg, ctx, diag);
      Schedule s = schedule(p, start, now);
      return new Scheduled(p, s.withFindings(org.kplan.rules.Rules.check(p, s)));
    } catch (InputException e) {
      for (org.kplan.plan.Finding problem : e.problems()) diag.print(problem, err);
      err.println("kplan: " + (arg.equals("-") ? STDIN : arg) + ": " + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems") + "; nothing shown");
      return null;
    }
  }

  /** Schedules a plan, with an optional start override; templates need one. */
  static Schedule schedule(Plan plan, LocalDate start, Instant now) throws InputException {
    if (start != null) plan = plan.withStart(start);
    if (plan.start() == null) {
      throw new InputException(plan.pos("kind"), (plan.isTemplate() ? "this is a template: " : "") + "no start date; give `start:` in the plan or --start DATE");
    }
    if (plan.timezone() == null) {
      throw new InputException(plan.pos("kind"), (plan.isTemplate() ? "this is a template: " : "") + "no `timezone:`; plans need an IANA time zone such as America/Los_Angeles");
    }
    if (plan.ketamine() == null || plan.ketamine().phases().isEmpty()) {
      throw new InputException(plan.pos("ketamine"), "no `ketamine.phases`: nothing to schedule");
    }
    HolidaySource holidays = plan.clinic().holidays() == null ? HolidaySource.NONE : HolidayCalendars.INSTANCE;
    return Engine.schedule(plan, now, holidays);
  }
}
