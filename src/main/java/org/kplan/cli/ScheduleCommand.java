package org.kplan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kplan.export.IcsFiles;
import org.kplan.export.IcsPrior;
import org.kplan.export.IcsWriter;
import org.kplan.export.SafeFiles;
import org.kplan.export.ScheduleCsv;
import org.kplan.export.ScheduleJson;
import org.kplan.export.ScheduleMarkdown;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.plan.Severity;
import org.kplan.schedule.Schedule;
import org.kplan.term.Diagnostics;
import org.kplan.term.ScheduleTable;
import org.kplan.term.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kplan schedule PLAN}: the dated schedule of one plan. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "",
    header = "Turn a plan into a dated schedule of sessions, therapy, tasks, habits and follow-ups.",
    description = {
      "Reads the plan (YAML, version 1), merges the template it extends, and places every dosing session inside clinic hours on open days, therapy inside each post-dose window, per-session tasks, habits and follow-ups, then checks it against the rule catalogue (`kplan rules`).",
      "",
      "Error findings (such as therapy that cannot be placed, or monitoring shorter than the minimum) are shown after the schedule, on standard error for table, csv and md output; json holds every finding in `findings`. The exit code is 1 when there are errors; `kplan validate` shows warnings too.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan schedule plans/examples/adolescent-los-angeles.yaml",
      "  kplan schedule plan.yaml -f json -o schedule.json",
      "  kplan schedule plan.yaml --start 2027-01-04 -f md > handout.md",
      "  cat plan.yaml | kplan schedule - -f csv",
      "  kplan schedule plan.yaml -o patient.ics          # iCalendar; see also kplan calendar",
      "  SOURCE_DATE_EPOCH=1764000000 kplan schedule plan.yaml -f json   # reproducible",
      "",
      "Exit codes: 0 scheduled; 1 error findings; 2 usage error or invalid plan; 3 output not written."
    })
public final class ScheduleCommand implements Callable<Integer>, Context.Aware {
  enum Format {
    table,
    json,
    csv,
    md,
    ics
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  private Context ctx;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file, or - for standard input.")
  String plan;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Output format: table, json, csv, md (patient handout) or ics (iCalendar). Default: table on a terminal, json otherwise (or from the -o file's extension).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE (atomically, owner-only permissions) instead of standard output.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists and would change.")
  boolean force;

  @Option(names = "--start", paramLabel = "DATE", description = "Use DATE (YYYY-MM-DD) instead of the plan's start.")
  LocalDate start;

  @Mixin NowOption now;

  @Mixin IcsOptions icsOptions;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Style style = common.style();
    Diagnostics diag = new Diagnostics(style);
    if (plan.isEmpty()) throw new UsageException("PLAN is empty; give a plan file, or - for standard input");
    Instant at = now.instant();
    Format f = format != null ? format : defaultFormat();
    PlanInput.Scheduled done = PlanInput.loadAndSchedule(plan, start, at, ctx, diag, err, "no schedule written");
    if (done == null) return Main.INPUT;
    Plan p = done.plan();
    Schedule s = done.schedule();
    StringWriter buf = new StringWriter();
    switch (f) {
      case json -> ScheduleJson.write(s, buf);
      case csv -> ScheduleCsv.write(s, buf);
      case md -> ScheduleMarkdown.write(s, p.clinic().name(), buf);
      case table -> ScheduleTable.write(s, output == null ? style : Style.PLAIN, buf);
      case ics -> {
        if (output != null) {
          // the calendar this one replaces, read once: for SEQUENCE, and to leave it untouched when unchanged
          byte[] existing = IcsPrior.readBytes(output);
          IcsWriter.Rendered ics = IcsWriter.render(s, icsOptions.options(at, p.clinic().name()).withPrior(IcsPrior.of(existing)));
          IcsFiles.write(output, ics.data(), existing, ics.sameAsPrior(), force);
        } else {
          buf.append(IcsWriter.write(s, icsOptions.options(at, p.clinic().name())));
        }
      }
    }
    if (output != null && f == Format.ics) {
      // written above
    } else if (output != null) {
      SafeFiles.write(output, buf.toString().getBytes(StandardCharsets.UTF_8), force);
    } else {
      out.print(buf);
      out.flush();
    }
    if (f != Format.json || output != null) {
      for (Finding x : s.findings()) if (x.severity() == Severity.ERROR) diag.print(x, err);
      long others = s.findings().stream().filter(x -> x.severity() != Severity.ERROR).count();
      if (others > 0) {
        err.println("kplan: " + others + (others == 1 ? " more finding" : " more findings") + " below error level; run `kplan validate "
            + plan + "` to see " + (others == 1 ? "it" : "them"));
      }
    }
    return s.hasErrors() ? Main.FINDINGS : Main.OK;
  }

  private Format defaultFormat() {
    if (output != null && output.getFileName() != null) {
      String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".json")) return Format.json;
      if (n.endsWith(".csv")) return Format.csv;
      if (n.endsWith(".md")) return Format.md;
      if (n.endsWith(".ics")) return Format.ics;
      if (n.endsWith(".txt")) return Format.table;
    }
    return Style.isTerminal() ? Format.table : Format.json;
  }
}
