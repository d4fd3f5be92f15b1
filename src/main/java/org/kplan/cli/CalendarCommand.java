package org.kplan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.term.Diagnostics;
import org.kplan.term.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kplan calendar PATH... -o DIR}: one iCalendar file per plan, for a whole clinic. */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "",
    header = "Write an iCalendar (.ics) file for every plan: a whole clinic at once.",
    description = {
      "Every plan under PATH (files; directories, searched for *.yaml and *.yml;",
      "- for standard input), and with --roster every row of a patient list,",
      "becomes DIR/<plan-id>.ics. Templates are skipped. A plan that cannot be",
      "loaded or has error findings is reported and skipped; the others are",
      "still written. Plans are processed in parallel; the output does not",
      "depend on -j.",
      "",
      "Files are written atomically, owner-only. A calendar whose events did not",
      "change is left untouched (\"unchanged\": only its DTSTAMP would differ);",
      "one that would change is replaced only with --force. Calendars say as",
      "little as they can: see --detail and docs/calendars.md.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan calendar plans/ -o calendars/",
      "  kplan calendar plans/ -o calendars/ --merge clinic.ics --merge-detail full",
      "  kplan calendar --template adult-iv-induction --roster patients.csv \\",
      "      -o calendars/ --emit-plans plans/",
      "  SOURCE_DATE_EPOCH=1764000000 kplan calendar plans/ -o calendars/",
      "",
      "Roster columns: ref, start, timezone (required); id, initials, birthDate,",
      "weightKg, guardianConsent, assent (optional). Other columns are ignored;",
      "one that looks like a misspelt column name is an error.",
      "",
      "Exit codes: 0 all written; 1 some plans failed (see the messages);",
      "2 usage error or unreadable roster; 3 some files could not be written,",
      "or would change and --force was not given."
    })
public final class CalendarCommand implements Callable<Integer>, Context.Aware {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin IcsOptions icsOptions;
  private Context ctx;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Plan files or directories, or - for standard input.")
  List<String> paths = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Directory for the calendars (created, owner-only, when missing).")
  Path outDir;

  @Option(names = "--roster", paramLabel = "CSV", description = "A patient list: one plan per row, extending --template.")
  Path roster;

  @Option(names = "--template", paramLabel = "NAME", completionCandidates = Candidates.TemplateNames.class, description = "The template roster plans extend: a built-in name or a file.")
  String template;

  @Option(names = "--emit-plans", paramLabel = "DIR", description = "Also write the plans made from the roster, as DIR/<plan-id>.yaml.")
  Path emitPlans;

  @Option(names = "--merge", paramLabel = "FILE",
      description = "Also write one clinic calendar with every patient's dosing and therapy sessions.")
  Path merge;

  @Option(names = "--merge-detail", paramLabel = "LEVEL", description = "--detail for the clinic calendar (default: as --detail).")
  String mergeDetail;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Plans processed at once (default: the number of processors).")
  Integer jobs;

  @Option(names = "--force", description = "Replace calendars and plans that would change.")
  boolean force;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar, notes or summary; only problems.")
  boolean quiet;

  @Option(names = "--progress", description = "Show the progress bar even when standard error is not a terminal.")
  boolean progress;

  @Mixin NowOption now;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The command, printing on {@code out} and {@code err} (see {@link FastPath}, which runs it without picocli). */
  int run(java.io.PrintWriter out, java.io.PrintWriter err) throws Exception {
    if ((roster == null) != (template == null)) {
      throw new UsageException(roster == null ? "--template needs --roster CSV (the patients to make plans for)"
          : "--roster needs --template NAME (the template every row's plan extends)");
    }
    if (emitPlans != null && roster == null) throw new UsageException("--emit-plans needs --roster and --template");
    if (paths.isEmpty() && roster == null) throw new UsageException("give plan files or directories (PATH), or --roster with --template");
    if (paths.stream().filter("-"::equals).count() > 1) throw new UsageException("- (standard input) may be given once");
    int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (j < 1 || j > 256) throw new UsageException("-j expects 1 to 256, found " + j);
    if (merge != null && !merge.getFileName().toString().endsWith(".ics")) {
      throw new UsageException("--merge names an .ics file, found " + merge);
    }
    IcsOptions.Resolved ics = icsOptions.resolve();
    var mergeLevel = mergeDetail == null ? ics.detail() : IcsOptions.parseDetail(mergeDetail, "--merge-detail");
    boolean showProgress = !quiet && (progress || (Style.isTerminal() && !"dumb".equals(ctx.env("TERM"))));
    var cfg = new CalendarBatch.Config(paths, outDir, roster, template, emitPlans, merge, j, force, quiet, showProgress,
        now.instant(), ics.detail(), mergeLevel, ics.organizer());
    Diagnostics diag = new Diagnostics(common.style());
    try {
      return new CalendarBatch(cfg, out, err, ctx, diag).run();
    } catch (InputException e) {
      for (Finding f : e.problems()) diag.print(f, err);
      return Main.INPUT;
    }
  }
}
