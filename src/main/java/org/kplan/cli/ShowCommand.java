package org.kplan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.plan.Severity;
import org.kplan.schedule.Schedule;
import org.kplan.term.Diagnostics;
import org.kplan.term.MonthView;
import org.kplan.term.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kplan show PLAN}: a month of the schedule as a calendar in the terminal. */
@Command(
    name = "show",
    sortOptions = false,
    headerHeading = "",
    header = "Show a plan's schedule as a month calendar, with the month's events below.",
    description = {
      "Schedules the plan and draws a month as a calendar grid, weeks Monday to Sunday. Days are marked K (dosing session), T (therapy), A (assessment) and F (follow-up); ~ marks days inside a post-dose window. On a terminal the marks are in colour, dosing days in reverse video and window days underlined.",
      "",
      "Below the grid: the month's events (session tasks are counted, not listed), notes on moved sessions, and the plan's habits. Error findings go to standard error and the exit code is then 1. Wider terminals get wider cells, with the time of each day's first session.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan show plans/examples/adolescent-los-angeles.yaml",
      "  kplan show plan.yaml --month 2027-02",
      "  kplan show plan.yaml --month all --no-color | less",
      "  kplan show plan.yaml --width 120 --color=always > month.txt",
      "",
      "Exit codes: 0 shown; 1 error findings; 2 usage error or invalid plan."
    })
public final class ShowCommand implements Callable<Integer>, Context.Aware {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  private Context ctx;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file, or - for standard input.")
  String plan;

  @Option(names = "--month", paramLabel = "YYYY-MM",
      description = "The month to show, or 'all' for every month of the plan. Default: the month of the first dosing session.")
  String month;

  @Option(names = "--width", paramLabel = "N",
      description = "Lay out for N columns. Default: the terminal's width, else COLUMNS, else 80.")
  Integer width;

  @Option(names = "--start", paramLabel = "DATE", description = "Use DATE (YYYY-MM-DD) instead of the plan's start.")
  LocalDate start;

  @Mixin NowOption now;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (width != null && width < Style.MIN_WIDTH) throw new UsageException("--width must be at least " + Style.MIN_WIDTH + ", found " + width);
    Style style = common.style();
    Diagnostics diag = new Diagnostics(style);
    Instant at = now.instant();
    YearMonth asked = parseMonth(month);
    PlanInput.Scheduled done = PlanInput.loadAndSchedule(plan, start, at, ctx, diag, err, "nothing shown");
    if (done == null) return Main.INPUT;
    Plan p = done.plan();
    Schedule s = done.schedule();
    List<YearMonth> months = "all".equalsIgnoreCase(month) ? MonthView.allMonths(s)
        : List.of(asked != null ? asked : MonthView.defaultMonth(s, p.start() != null ? p.start() : start));
    StringWriter buf = new StringWriter();
    MonthView.write(s, months, style, common.width(width), buf);
    out.print(buf);
    out.flush();
    for (Finding f : s.findings()) if (f.severity() != Severity.INFO) diag.print(f, err);
    return s.hasErrors() ? Main.FINDINGS : Main.OK;
  }

  private static YearMonth parseMonth(String m) throws UsageException {
    if (m == null || m.equalsIgnoreCase("all")) return null;
    try {
      return YearMonth.parse(m.trim());
    } catch (DateTimeException e) {
      throw new UsageException("--month expects a month as YYYY-MM (such as 2027-02) or 'all', found \"" + m + "\"");
    }
  }
}
