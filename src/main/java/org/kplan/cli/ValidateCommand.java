package org.kplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.kplan.cli.PathArgs.Input;
import org.kplan.export.FileReport;
import org.kplan.export.FindingsJson;
import org.kplan.export.GithubAnnotations;
import org.kplan.export.JunitXml;
import org.kplan.export.SafeFiles;
import org.kplan.export.Sarif;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;
import org.kplan.plan.YamlTree;
import org.kplan.rules.Catalogue;
import org.kplan.rules.Profile;
import org.kplan.rules.Rule;
import org.kplan.rules.RuleDocs;
import org.kplan.rules.Validator;
import org.kplan.term.Diagnostics;
import org.kplan.term.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kplan validate PATH...}: check plans and templates against the rule catalogue.
 *
 * <p>Loops and small classes, not streams or lambdas: this runs at every start-up of the
 * commonest command, where each lambda's first use costs more than the loop it replaces.
 */
@Command(
    name = "validate",
    sortOptions = false,
    headerHeading = "",
    header = "Check plans and templates against the safety and protocol rules, like a linter.",
    description = {
      "Loads each plan, schedules it and runs every rule of the catalogue",
      "(`kplan rules`), with the plan's waivers and rule settings applied. PATH is",
      "a file, a directory (all *.yaml and *.yml files under it, sorted; hidden",
      "directories skipped) or - for standard input. Files are checked in",
      "parallel; the report is always in the order of the arguments.",
      "",
      "A file that is not a valid plan is reported as PLN findings, with line and",
      "column, like any other. Templates (kind: template) without a start are",
      "scheduled from the fixed synthetic start 2030-01-07 (a Monday), in UTC when",
      "they have no time zone, so that the schedule rules run on them too.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan validate plans/",
      "  kplan validate plan.yaml --strict",
      "  kplan validate plans/ --rules clinic-rules.yaml -f sarif -o kplan.sarif",
      "  kplan validate plans/ -f github           # annotations in GitHub Actions",
      "",
      "Exit codes:",
      "  0  no findings at the failing level (errors; also warnings with --strict)",
      "  1  findings at the failing level, including structural (PLN) problems",
      "  2  a PATH could not be read at all (missing, unreadable), an invalid --rules",
      "     profile, or a usage error; the report still covers every readable file",
      "  3  the report could not be written"
    })
public final class ValidateCommand implements Callable<Integer>, Context.Aware {
  enum Format {
    text,
    json,
    sarif,
    junit,
    github
  }

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  private Context ctx;
  /** The text read from standard input, for source lines in the text report. */
  private String stdinText;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Plan or template files, directories, or - for standard input.")
  List<String> paths;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Report format: text (like a compiler), json, sarif (SARIF 2.1.0), junit (JUnit XML) or github (workflow commands). Default: ${DEFAULT-VALUE}.",
      defaultValue = "text")
  Format format = Format.text;

  @Option(names = "--strict", description = "Warnings fail too (exit code 1).")
  boolean strict;

  @Option(names = "--rules", paramLabel = "PROFILE",
      description = "A rule profile (YAML): rule codes to settings, applied over each plan's own `rules:`. See docs/rules.md.")
  Path rules;

  @Mixin NowOption now;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists and would change.")
  boolean force;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Check up to N files at once. Default: the number of processors, at most 8.")
  Integer jobs;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The command, writing to {@code out} and {@code err}; {@link FastPath} calls it without picocli. */
  Integer run(PrintWriter out, PrintWriter err) throws Exception {
    Style style = common.style();
    Diagnostics diag = new Diagnostics(style);
    if (jobs != null && jobs < 1) throw new UsageException("--jobs must be at least 1, found " + jobs);
    Instant at = now.instant();
    Profile profile = Profile.DEFAULTS;
    if (rules != null) {
      try {
        profile = Profile.load(rules);
      } catch (InputException e) {
        for (Finding p : e.problems()) diag.print(p, err);
        err.println("kplan: " + rules + ": " + FileReport.plural(e.problems().size(), "problem") + " in the rule profile; nothing validated");
        return Main.INPUT;
      }
    }
    List<Input> inputs = PathArgs.expand(paths);
    List<FileReport> reports = check(inputs, profile, at, diag);
    Severity failAt = strict ? Severity.WARNING : Severity.ERROR;

    StringWriter buf = new StringWriter();
    switch (format) {
      case text -> text(reports, failAt, output == null ? diag : plain(), new PrintWriter(buf));
      case json -> FindingsJson.write(reports, failAt, buf);
      case sarif -> Sarif.write(reports, sarifRules(), VersionProvider.version(), buf);
      case junit -> JunitXml.write(reports, failAt, buf);
      case github -> GithubAnnotations.write(reports, buf);
    }
    if (output != null) {
      SafeFiles.write(output, buf.toString().getBytes(StandardCharsets.UTF_8), force);
    } else {
      out.print(buf);
      out.flush();
    }
    boolean unreadable = false;
    for (FileReport r : reports) {
      if (!r.unreadable()) continue;
      unreadable = true;
      if (format != Format.text || output != null) err.println("kplan: " + r.findings().get(0).message());
    }
    if (unreadable) return Main.INPUT;
    for (FileReport r : reports) if (r.fails(failAt)) return Main.FINDINGS;
    return Main.OK;
  }

  /** Reads and checks every input, at most {@code jobs} at once; reports come back in input order. */
  private List<FileReport> check(List<Input> inputs, Profile profile, Instant at, Diagnostics diag) throws InterruptedException {
    Validator validator = new Validator(profile, at);
    String stdin = null;
    FileReport stdinProblem = null;
    boolean anyStdin = false;
    for (Input in : inputs) if (in.stdin()) anyStdin = true;
    if (anyStdin) {
      try {
        stdin = PlanLoader.decode(ctx.in.readNBytes(YamlTree.MAX_BYTES + 1), PlanInput.STDIN, Pos.of(PlanInput.STDIN));
        diag.source(PlanInput.STDIN, stdin);
        stdinText = stdin;
      } catch (IOException e) {
        stdinProblem = unreadable(PlanInput.STDIN, "cannot read standard input: " + e.getMessage());
      } catch (InputException e) {
        stdinProblem = new FileReport(PlanInput.STDIN, e.problems(), false);
      }
    }
    int threads = Math.max(1, Math.min(inputs.size(), jobs != null ? jobs : Math.min(8, Runtime.getRuntime().availableProcessors())));
    if (threads == 1) {
      // one file (or --jobs 1): no pool to start, on the start-up path of the commonest run
      List<FileReport> out = new ArrayList<>();
      for (Input in : inputs) out.add(in.stdin() && stdinProblem != null ? stdinProblem : checkOne(in, in.stdin() ? stdin : null, validator));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Daemons());
    try {
      List<Future<FileReport>> futures = new ArrayList<>();
      for (Input in : inputs) {
        if (in.stdin() && stdinProblem != null) {
          futures.add(CompletableFuture.completedFuture(stdinProblem));
        } else {
          String text = in.stdin() ? stdin : null;
          futures.add(pool.submit(new CheckOne(in, text, validator)));
        }
      }
      List<FileReport> out = new ArrayList<>();
      for (Future<FileReport> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) throw re;
          if (e.getCause() instanceof Error er) throw er;
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The pool's threads: daemons named kplan-validate. */
  private static final class Daemons implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "kplan-validate");
      t.setDaemon(true);
      return t;
    }
  }

  /** {@link #checkOne} as a pool task. */
  private static final class CheckOne implements Callable<FileReport> {
    private final Input in;
    private final String stdin;
    private final Validator validator;

    CheckOne(Input in, String stdin, Validator validator) {
      this.in = in;
      this.stdin = stdin;
      this.validator = validator;
    }

    @Override
    public FileReport call() {
      return checkOne(in, stdin, validator);
    }
  }

  private static FileReport checkOne(Input in, String stdin, Validator validator) {
    String text = stdin;
    Path dir = Path.of("").toAbsolutePath();
    if (!in.stdin()) {
      byte[] bytes;
      try {
        if (Files.isDirectory(in.path())) return unreadable(in.name(), "cannot read " + in.name() + ": it is a directory");
        // bounded: a device such as /dev/zero or an endless pipe is refused by its length, never read to the end
        bytes = PlanLoader.readBounded(in.path());
      } catch (NoSuchFileException e) {
        return unreadable(in.name(), "cannot read " + in.name() + ": no such file");
      } catch (AccessDeniedException e) {
        return unreadable(in.name(), "cannot read " + in.name() + ": permission denied");
      } catch (IOException e) {
        return unreadable(in.name(), "cannot read " + in.name() + ": " + e.getMessage());
      }
      try {
        text = PlanLoader.decode(bytes, in.name(), Pos.of(in.name()));
      } catch (InputException e) {
        return new FileReport(in.name(), e.problems(), false);
      }
      Path parent = in.path().toAbsolutePath().getParent();
      if (parent != null) dir = parent;
    }
    return new FileReport(in.name(), validator.validate(in.name(), text, dir), false);
  }

  /** Diagnostics without colour, for a report written to a file. */
  private Diagnostics plain() {
    Diagnostics d = new Diagnostics(Style.PLAIN);
    if (stdinText != null) d.source(PlanInput.STDIN, stdinText);
    return d;
  }

  private static FileReport unreadable(String name, String message) {
    return new FileReport(name, List.of(new Finding(Codes.PLN_SYNTAX, Severity.ERROR, message, Pos.of(name), null)), true);
  }

  private void text(List<FileReport> reports, Severity failAt, Diagnostics diag, PrintWriter w) {
    long e = 0, wn = 0, i = 0, failed = 0;
    for (FileReport r : reports) {
      for (Finding f : r.findings()) diag.print(f, w);
      e += r.count(Severity.ERROR);
      wn += r.count(Severity.WARNING);
      i += r.count(Severity.INFO);
      if (r.fails(failAt)) failed++;
    }
    String files = FileReport.plural(reports.size(), "file");
    if (e + wn + i == 0) {
      w.println("Checked " + files + ": no findings.");
    } else {
      String fails = failed == 0 ? "no file fails" + (wn > 0 && failAt == Severity.ERROR ? " (warnings fail only with --strict)" : "")
          : FileReport.plural(failed, "file") + (failed == 1 ? " fails" : " fail");
      w.println("Checked " + files + ": " + FileReport.counts(e, wn, i) + "; " + fails + ".");
    }
    w.flush();
  }

  private static Map<String, Sarif.RuleInfo> sarifRules() {
    Map<String, Sarif.RuleInfo> m = new LinkedHashMap<>();
    for (Rule r : Catalogue.ALL) {
      m.put(r.code(), new Sarif.RuleInfo(r.code(), r.name(), r.summary(), RuleDocs.description(r), RuleDocs.help(r),
          Sarif.level(r.severity()), List.of(r.family().name(), r.family().title)));
    }
    return m;
  }
}
