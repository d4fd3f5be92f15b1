package org.kplan.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;
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
    Path path;
    try {
      path = Path.of(arg);
    } catch (InvalidPathException e) {
      throw new InputException(Pos.of(arg), "not a valid file name: " + e.getReason());
    }
    // read once, bounded, and show diagnostics from that same text (a pipe cannot be read twice)
    String text = PlanLoader.read(path, arg, Pos.of(arg));
    diag.source(arg, text);
    Path dir = path.toAbsolutePath().getParent();
    return loader.load(arg, text, dir);
  }

  /** A loaded plan and its schedule, with the rule checker's findings. */
  record Scheduled(Plan plan, Schedule schedule) {}

  /**
   * Loads, schedules and checks {@code arg}. When the plan cannot be used, prints every problem to
   * {@code err} and returns null (the caller exits with {@link Main#INPUT}).
   */
  /** Problems of an invalid plan printed before "N more problems not shown". */
  static final int MAX_PROBLEMS_SHOWN = 100;

  /**
   * Loads, schedules and checks the plan {@code arg}. An invalid plan's problems are printed (at
   * most {@link #MAX_PROBLEMS_SHOWN}) followed by "…; {@code outcome}", and null is returned.
   */
  static Scheduled loadAndSchedule(String arg, LocalDate start, Instant now, Context ctx, Diagnostics diag,
      java.io.PrintWriter err, String outcome) {
    try {
      Plan p = load(arg, ctx, diag);
      Schedule s = schedule(p, start, now);
      return new Scheduled(p, s.withFindings(org.kplan.rules.Rules.check(p, s)));
    } catch (InputException e) {
      int shown = 0;
      for (Finding problem : e.problems()) {
        if (shown++ == MAX_PROBLEMS_SHOWN) {
          err.println("kplan: " + (e.problems().size() - MAX_PROBLEMS_SHOWN) + " more problems not shown");
          break;
        }
        diag.print(problem, err);
      }
      err.println("kplan: " + Diagnostics.safe(arg.equals("-") ? STDIN : arg) + ": " + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems") + "; " + outcome);
      return null;
    }
  }

  /** Schedules a plan, with an optional start override; templates need one. */
  static Schedule schedule(Plan plan, LocalDate start, Instant now) throws InputException {
    if (start != null) {
      if (start.isBefore(PlanLoader.MIN_DATE) || start.isAfter(PlanLoader.MAX_DATE)) {
        throw new InputException(Pos.of(plan.file()), "--start " + start + " is outside the dates kplan accepts ("
            + PlanLoader.MIN_DATE + " to " + PlanLoader.MAX_DATE + ")");
      }
      plan = plan.withStart(start);
    }
    if (plan.start() == null) {
      throw new InputException(plan.pos("kind"), (plan.isTemplate() ? "this is a template: " : "") + "no start date; give `start:` in the plan or --start DATE");
    }
    if (plan.timezone() == null) {
      throw new InputException(plan.pos("kind"), (plan.isTemplate() ? "this is a template: " : "") + "no `timezone:`; plans need an IANA time zone such as America/Los_Angeles");
    }
    if (plan.ketamine() == null || plan.ketamine().phases().isEmpty()) {
      throw new InputException(plan.pos("ketamine"), "no `ketamine.phases`: nothing to schedule");
    }
    HolidaySource holidays = HolidayCalendars.forPlan(plan);
    Schedule s = Engine.schedule(plan, now, holidays);
    if (Engine.tooManyEvents(s)) {
      // a plan that makes more events than any schedule may hold is an input error, not a schedule
      List<Finding> why = s.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR && f.rule().equals(Codes.PLN_BAD_VALUE)).toList();
      throw new InputException(why.isEmpty()
          ? List.of(new Finding(Codes.PLN_BAD_VALUE, Severity.ERROR, "the plan makes more than " + Engine.MAX_EVENTS + " events", Pos.of(plan.file()), null))
          : why);
    }
    return s;
  }
}
