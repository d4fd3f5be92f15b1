package org.kplan.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.kplan.export.ClinicIcs;
import org.kplan.export.IcsFiles;
import org.kplan.export.IcsPrior;
import org.kplan.export.IcsWriter;
import org.kplan.export.OutputException;
import org.kplan.export.SafeFiles;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.plan.Roster;
import org.kplan.plan.Severity;
import org.kplan.plan.Templates;
import org.kplan.plan.YamlTree;
import org.kplan.rules.Rules;
import org.kplan.schedule.ChairOverlaps;
import org.kplan.schedule.Schedule;
import org.kplan.term.Diagnostics;
import org.kplan.term.Progress;

/**
 * The work of {@code kplan calendar}: every plan in, one calendar file out, in parallel.
 *
 * <p>One coordinating thread lists the inputs lazily (directories one level at a time, roster
 * rows one at a time) and hands each to a pool of {@code jobs} workers, which load, schedule,
 * check and render it. At most {@code 2 × jobs + 2} plans are in flight; their results are taken
 * back in input order, so the coordinator writes files, reports problems and feeds the clinic view
 * in a deterministic order, and memory stays bounded whatever the number of plans. Plan ids are
 * claimed in input order: a second plan with an id already used is an error, never an overwrite.
 *
 * <p>Each output directory is locked ({@code .kplan.lock}) for the run, and temporary files that a
 * killed run left there are removed first.
 */
final class CalendarBatch {
  record Config(
      List<String> paths,
      Path outDir,
      Path roster,
      String template,
      Path emitPlans,
      Path merge,
      int jobs,
      boolean force,
      boolean quiet,
      boolean progress,
      Instant now,
      IcsWriter.Detail detail,
      IcsWriter.Detail mergeDetail,
      String organizer) {}

  /** One plan to make a calendar of, or an input that could not be read. */
  private sealed interface Source permits FileSource, TextSource, RowSource, Unreadable {}

  private record FileSource(Path path) implements Source {}

  private record TextSource(String name, String text) implements Source {}

  private record RowSource(Roster.Row row) implements Source {}

  private record Unreadable(List<Finding> problems) implements Source {}

  private enum Status {
    OK,
    TEMPLATE,
    FAILED
  }

  /** What a worker made of one source; {@code messages} are printed as they are. */
  private record Outcome(
      Status status,
      String name,
      List<Finding> findings,
      List<String> messages,
      String planId,
      byte[] calendar,
      byte[] existing,
      boolean unchanged,
      int events,
      Schedule schedule,
      String clinicName,
      Integer chairs,
      String emitted) {

    static Outcome failed(String name, List<Finding> findings, List<String> messages) {
      return new Outcome(Status.FAILED, name, findings, messages, null, null, null, false, 0, null, null, null, null);
    }
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ENGLISH);
  private static final String LOCK = ".kplan.lock";

  private final Config cfg;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Context ctx;
  private final Diagnostics diag;
  private final Path cwd = Path.of("").toAbsolutePath();
  private final Set<Path> lockedDirs = new HashSet<>();
  /** Where --emit-plans writes: not read as input (its plans are the roster's, from an earlier run). */
  private Path emitReal;
  private String rosterName;
  private String extendsRef;
  private Path planDir;

  // counters (coordinator thread only)
  private int plans, calendars, events, written, replaced, unchanged, failed, refused, writeErrors, templates;
  private int emittedWritten, emittedUnchanged, emittedReplaced;
  private final Map<String, String> firstById = new HashMap<>();
  private final ChairOverlaps chairs = new ChairOverlaps();
  private ClinicIcs clinic;
  private Progress progress;
  private int done;

  CalendarBatch(Config cfg, PrintWriter out, PrintWriter err, Context ctx, Diagnostics diag) {
    this.cfg = cfg;
    this.out = out;
    this.err = err;
    this.ctx = ctx;
    this.diag = diag;
  }

  int run() throws UsageException, OutputException, InputException {
    long t0 = System.nanoTime();
    prepareTemplate();
    List<Path> dirs = new ArrayList<>();
    dirs.add(cfg.outDir());
    if (cfg.emitPlans() != null) dirs.add(cfg.emitPlans());
    if (cfg.merge() != null) dirs.add(cfg.merge().toAbsolutePath().getParent());
    List<FileLock> locks = new ArrayList<>();
    try {
      for (Path d : dirs) {
        Path real = makeDir(d);
        if (lockedDirs.add(real)) locks.add(lock(real));
        if (d == cfg.emitPlans()) emitReal = real;
      }
      if (cfg.merge() != null && makeDir(cfg.merge().toAbsolutePath().getParent()).equals(makeDir(cfg.outDir()))) {
        String n = cfg.merge().getFileName().toString();
        if (n.endsWith(".ics")) firstById.put(n.substring(0, n.length() - 4), "--merge " + cfg.merge());
      }
      long total = cfg.progress() ? count() : 0;
      progress = new Progress(err, cfg.progress(), total);
      if (cfg.merge() != null) clinic = new ClinicIcs(cfg.merge(), cfg.now(), cfg.mergeDetail(), cfg.organizer());
      try {
        process();
      } finally {
        progress.finish();
        if (clinic != null) clinic.close();
      }
    } finally {
      for (FileLock l : locks) {
        try {
          l.channel().close();
        } catch (IOException e) {
          // the lock goes with the process
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    if (!cfg.quiet() && plans > 0) {
      err.println(String.format(Locale.ROOT, "kplan calendar: %.2f s, %.1f plans/s, %.0f events/s (%d jobs)",
          secs, plans / secs, events / secs, cfg.jobs()));
    }
    if (refused > 0 || writeErrors > 0) return Main.OUTPUT;
    return failed > 0 ? Main.FINDINGS : Main.OK;
  }

  // ------------------------------------------------------------------ set-up

  private void prepareTemplate() throws UsageException {
    if (cfg.roster() == null) return;
    rosterName = cfg.roster().toString();
    String t = cfg.template();
    planDir = cfg.emitPlans() != null ? cfg.emitPlans().toAbsolutePath().normalize() : cwd;
    if (t.contains("/") || t.endsWith(".yaml") || t.endsWith(".yml")) {
      Path p = Path.of(t).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) throw new UsageException("--template " + t + ": no such file");
      extendsRef = planDir.relativize(p).toString();
      if (!extendsRef.startsWith(".")) extendsRef = "./" + extendsRef;
    } else {
      if (Templates.text(t).isEmpty()) {
        throw new UsageException("--template: unknown template `" + t + "`" + org.kplan.plan.Suggest.didYouMean(t, Templates.names())
            + " (built-in: " + String.join(", ", Templates.names()) + "; a file needs a path such as ./" + t + ".yaml)");
      }
      extendsRef = t;
    }
  }

  /** Creates {@code d} (owner-only) when missing; returns its real path. */
  private static Path makeDir(Path d) throws OutputException {
    try {
      if (!Files.isDirectory(d)) {
        if (Files.exists(d)) throw new OutputException(d + " is not a directory");
        if (d.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(d);
        }
      }
      return d.toRealPath();
    } catch (IOException e) {
      throw new OutputException("cannot create directory " + d + ": " + e.getMessage(), e);
    }
  }

  /** Locks {@code dir} for this run and removes temporary files that a killed run left in it. */
  private FileLock lock(Path dir) throws OutputException {
    Path f = dir.resolve(LOCK);
    FileLock lock;
    try {
      FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new OutputException("another kplan calendar is writing to " + dir + " (it holds " + f + "); wait for it to finish");
      }
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new OutputException("cannot lock " + dir + ": " + e.getMessage(), e);
    }
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (SafeFiles.isTemporary(n) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new OutputException("cannot clean " + dir + ": " + e.getMessage(), e);
    }
    if (removed > 0 && !cfg.quiet()) {
      err.println("note: removed " + removed + " temporary file" + (removed == 1 ? "" : "s") + " that an interrupted run left in " + dir);
    }
    return lock;
  }

  // ------------------------------------------------------------------ inputs

  private interface Sink {
    void accept(Source s) throws OutputException;
  }

  /** Calls {@code sink} for every input, in order: the paths, then the roster's rows. */
  private void forEachSource(Sink sink, boolean counting) throws OutputException, InputException {
    for (String a : cfg.paths()) {
      if (a.equals("-")) {
        sink.accept(counting ? new Unreadable(List.of()) : stdin());
        continue;
      }
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        walk(p, sink, counting);
      } else if (Files.exists(p)) {
        sink.accept(new FileSource(p));
      } else {
        sink.accept(new Unreadable(List.of(problem(Pos.of(a), "no such file or directory: " + a))));
      }
    }
    if (cfg.roster() == null) return;
    try (Roster r = openRoster()) {
      if (!counting && !cfg.quiet()) {
        for (String c : r.ignoredColumns()) err.println("note: " + rosterName + ": column `" + c + "` is not a roster column; its values are ignored");
      }
      for (Roster.Row row; (row = r.next()) != null; ) sink.accept(new RowSource(row));
    } catch (IOException e) {
      throw new InputException(Pos.of(rosterName), "cannot read " + rosterName + ": " + e.getMessage());
    }
  }

  Roster openRoster() throws InputException {
    try {
      if (!Files.isRegularFile(cfg.roster())) throw new InputException(Pos.of(rosterName), "no such roster file: " + rosterName);
      var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
      return new Roster(new InputStreamReader(Files.newInputStream(cfg.roster()), dec), rosterName);
    } catch (Roster.HeaderException e) {
      throw new InputException(Pos.of(rosterName), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    } catch (IOException e) {
      throw new InputException(Pos.of(rosterName), "cannot read " + rosterName + ": " + e.getMessage());
    }
  }

  /**
   * Plan files under {@code dir}: *.yaml and *.yml, sorted by name, one directory at a time;
   * hidden entries and the --emit-plans directory skipped.
   */
  private void walk(Path dir, Sink sink, boolean counting) throws OutputException {
    try {
      if (dir.toRealPath().equals(emitReal)) {
        if (!counting && !cfg.quiet()) err.println("note: " + dir + ": not read, --emit-plans writes there (the roster's plans)");
        return;
      }
    } catch (IOException e) {
      sink.accept(new Unreadable(List.of(problem(Pos.of(dir.toString()), "cannot read directory " + dir + ": " + e.getMessage()))));
      return;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) if (!p.getFileName().toString().startsWith(".")) entries.add(p);
    } catch (IOException e) {
      sink.accept(new Unreadable(List.of(problem(Pos.of(dir.toString()), "cannot read directory " + dir + ": " + e.getMessage()))));
      return;
    }
    entries.sort(null);
    for (Path p : entries) {
      String n = p.getFileName().toString();
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) walk(p, sink, counting);
      else if ((n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p)) sink.accept(new FileSource(p));
    }
  }

  private Source stdin() {
    try {
      byte[] bytes = ctx.in.readNBytes(YamlTree.MAX_BYTES + 1);
      String text = PlanLoader.decode(bytes, PlanInput.STDIN, Pos.of(PlanInput.STDIN));
      diag.source(PlanInput.STDIN, text);
      return new TextSource(PlanInput.STDIN, text);
    } catch (IOException e) {
      return new Unreadable(List.of(problem(Pos.of(PlanInput.STDIN), "cannot read standard input: " + e.getMessage())));
    } catch (InputException e) {
      return new Unreadable(e.problems());
    }
  }

  private long count() throws OutputException, InputException {
    long[] n = {0};
    forEachSource(s -> n[0]++, true);
    return n[0];
  }

  private static Finding problem(Pos pos, String message) {
    return new Finding(org.kplan.plan.Codes.PLN_SYNTAX, Severity.ERROR, message, pos, null);
  }

  // ------------------------------------------------------------------ the pipeline

  private void process() throws OutputException, InputException {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(cfg.jobs(), r -> {
      Thread t = new Thread(r, "kplan-calendar-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // writing is bound by fsync, not by the processor: more writers than workers
    int writers = Math.min(16, Math.max(4, 2 * cfg.jobs()));
    io = Executors.newFixedThreadPool(writers, r -> {
      Thread t = new Thread(r, "kplan-write-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    writeWindow = 2 * writers;
    int window = 2 * cfg.jobs() + 2;
    ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>();
    try {
      forEachSource(src -> {
        while (inFlight.size() >= window) consume(take(inFlight));
        inFlight.add(pool.submit(() -> work(src)));
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) consume(take(inFlight));
      }, false);
      while (!inFlight.isEmpty()) consume(take(inFlight));
      while (!writes.isEmpty()) drain(take(writes));
    } finally {
      pool.shutdownNow();
      io.shutdownNow();
    }
    finishClinic();
    summary();
  }

  private static <T> T take(ArrayDeque<Future<T>> q) {
    Future<T> f = q.poll();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A worker: load, schedule, check and render one plan. Never throws. */
  private Outcome work(Source src) {
    String name = null;
    Roster.RowPlan rowPlan = null;
    try {
      Plan plan;
      PlanLoader loader = new PlanLoader();
      if (src instanceof FileSource f) {
        name = f.path().toString();
        plan = loader.load(f.path());
      } else if (src instanceof TextSource t) {
        name = t.name();
        plan = loader.load(t.name(), t.text(), cwd);
      } else if (src instanceof RowSource r) {
        name = rosterName + ":" + r.row().line();
        List<String> problems = new ArrayList<>();
        if (r.row().problem() != null) problems.add(r.row().problem());
        else rowPlan = Roster.plan(r.row(), rosterName, cfg.template(), extendsRef, problems);
        if (rowPlan == null) {
          return Outcome.failed(name, List.of(), problems.stream().map(p -> rosterName + ":" + r.row().line() + ": error: " + p).toList());
        }
        plan = loader.load(rowName(r.row()), rowPlan.yaml(), planDir);
      } else {
        Unreadable u = (Unreadable) src;
        return Outcome.failed(u.problems().isEmpty() ? "?" : u.problems().get(0).pos().file(), u.problems(), List.of());
      }
      if (plan.isTemplate()) return new Outcome(Status.TEMPLATE, name, List.of(), List.of(), null, null, null, false, 0, null, null, null, null);
      Schedule s = PlanInput.schedule(plan, null, cfg.now());
      s = s.withFindings(Rules.check(plan, s));
      List<Finding> errors = s.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) return rowPlan == null ? Outcome.failed(name, errors, List.of()) : rowFailure(src, rowPlan, errors);
      Path target = cfg.outDir().resolve(plan.id() + ".ics");
      String clinicName = plan.clinic() == null ? null : plan.clinic().name();
      // the calendar this one replaces, read once: for SEQUENCE here, and by the writer to leave it untouched when unchanged
      byte[] existing = IcsPrior.readBytes(target);
      IcsWriter.Options o = new IcsWriter.Options(cfg.now(), cfg.detail(), cfg.organizer(), clinicName, IcsPrior.of(existing));
      IcsWriter.Rendered ics = IcsWriter.render(s, o);
      return new Outcome(Status.OK, name, List.of(), List.of(), plan.id(), ics.data(), existing, ics.sameAsPrior(), s.events().size(), s, clinicName,
          plan.clinic() == null ? null : plan.clinic().chairs(), rowPlan == null ? null : rowPlan.yaml());
    } catch (InputException e) {
      return rowPlan == null ? Outcome.failed(name, e.problems(), List.of()) : rowFailure(src, rowPlan, e.problems());
    } catch (RuntimeException e) {
      return Outcome.failed(name, List.of(), List.of("kplan: " + name + ": internal error: " + e + " (please report it)"));
    }
  }

  private String rowName(Roster.Row row) {
    return "<" + rosterName + " row " + row.line() + ">";
  }

  /** A roster row's problems, as {@code patients.csv:ROW: error: column: message}. */
  private Outcome rowFailure(Source src, Roster.RowPlan rp, List<Finding> problems) {
    Roster.Row row = ((RowSource) src).row();
    String generated = rowName(row);
    List<String> msgs = new ArrayList<>();
    for (Finding f : problems) {
      String where = rosterName + ":" + row.line() + ": " + f.severity().label() + ": ";
      if (f.pos().file().equals(generated)) {
        String col = rp.columnAtLine().get(f.pos().line());
        boolean named = col == null || f.message().contains("`" + col + "`");
        msgs.add(where + (named ? "" : col + ": ") + f.message() + " [" + f.rule() + "]");
      } else {
        msgs.add(where + f.message() + " [" + f.rule() + "] (" + f.pos() + ")");
      }
    }
    return Outcome.failed(rosterName + ":" + row.line(), List.of(), msgs);
  }

  /** Takes one result back, in input order: report, claim the id, write. */
  private void consume(Outcome o) throws OutputException {
    done++;
    if (o.status() != Status.OK || !o.findings().isEmpty() || !o.messages().isEmpty()) progress.clear();
    if (o.status() == Status.TEMPLATE) {
      templates++;
      if (!cfg.quiet()) err.println("note: " + o.name() + ": a template, not a plan; skipped");
      progress.update(done);
      return;
    }
    plans++;
    if (o.status() == Status.FAILED) {
      failed++;
      for (Finding f : o.findings()) diag.print(f, err);
      for (String m : o.messages()) err.println(m);
      int n = o.findings().size() + o.messages().size();
      err.println("kplan: " + o.name() + ": skipped" + (n > 0 ? " (" + n + (n == 1 ? " problem)" : " problems)") : ""));
      progress.update(done);
      return;
    }
    String first = firstById.putIfAbsent(o.planId(), o.name());
    if (first != null) {
      failed++;
      progress.clear();
      err.println("kplan: " + o.name() + ": error: plan id `" + o.planId() + "` is already used by " + first + "; skipped (plan ids name the calendar files, so they must be unique)");
      progress.update(done);
      return;
    }
    calendars++;
    events += o.events();
    Path target = cfg.outDir().resolve(o.planId() + ".ics");
    byte[] calendar = o.calendar(), existing = o.existing();
    boolean unchanged = o.unchanged();
    write(target, false, () -> IcsFiles.write(target, calendar, existing, unchanged, cfg.force()));
    if (o.emitted() != null) emit(o);
    chairs.add(o.clinicName(), o.chairs(), o.schedule());
    if (clinic != null) clinic.add(o.schedule(), o.clinicName());
    progress.update(done);
  }

  private void emit(Outcome o) {
    Path target = cfg.emitPlans().resolve(o.planId() + ".yaml");
    byte[] yaml = o.emitted().getBytes(StandardCharsets.UTF_8);
    write(target, true, () -> SafeFiles.write(target, yaml, cfg.force()));
  }

  // ------------------------------------------------------------------ writing

  private interface WriteJob {
    SafeFiles.Result run() throws OutputException;
  }

  /** A file written (or not) by a writer thread. */
  private record Written(boolean plan, SafeFiles.Result result, String error, boolean refused) {}

  private ExecutorService io;
  private int writeWindow;
  private final ArrayDeque<Future<Written>> writes = new ArrayDeque<>();

  /**
   * Hands a file to the writers. Results are taken back in order, and only when the window is full
   * or at the end, so that messages come out in the same order on every run.
   */
  private void write(Path target, boolean plan, WriteJob job) {
    while (writes.size() >= writeWindow) drain(take(writes));
    writes.add(io.submit(() -> {
      try {
        return new Written(plan, job.run(), null, false);
      } catch (OutputException e) {
        return new Written(plan, null, e.getMessage(), Files.exists(target) && !cfg.force());
      } catch (RuntimeException e) {
        return new Written(plan, null, "cannot write " + target + ": " + e, false);
      }
    }));
  }

  private void drain(Written w) {
    if (w.error() != null) {
      progress.clear();
      if (w.refused()) refused++;
      else writeErrors++;
      err.println("kplan: " + w.error());
      return;
    }
    if (w.plan()) {
      switch (w.result()) {
        case WRITTEN -> emittedWritten++;
        case REPLACED -> emittedReplaced++;
        case UNCHANGED -> emittedUnchanged++;
      }
    } else {
      switch (w.result()) {
        case WRITTEN -> written++;
        case REPLACED -> replaced++;
        case UNCHANGED -> unchanged++;
      }
    }
  }

  private SafeFiles.Result clinicResult;

  private void finishClinic() {
    if (clinic == null) return;
    try {
      clinicResult = clinic.finish(cfg.force());
    } catch (OutputException e) {
      if (Files.exists(cfg.merge()) && !cfg.force()) refused++;
      else writeErrors++;
      err.println("kplan: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ report

  private void summary() {
    List<ChairOverlaps.Overlap> over = chairs.overlaps();
    for (int i = 0; i < over.size() && i < 20; i++) {
      ChairOverlaps.Overlap x = over.get(i);
      String end = x.end().toLocalDate().equals(x.start().toLocalDate()) ? x.end().toLocalTime().toString() : WHEN.format(x.end());
      err.println("warning: " + x.clinic() + ": " + x.peak() + " dosing sessions at once, " + x.chairs() + (x.chairs() == 1 ? " chair: " : " chairs: ")
          + WHEN.format(x.start()) + " to " + end + " (" + x.start().getZone().getId() + "): " + String.join(", ", x.who()));
    }
    if (over.size() > 20) err.println("warning: and " + (over.size() - 20) + " more times with more dosing sessions than chairs");
    if (cfg.quiet()) return;
    StringBuilder b = new StringBuilder();
    b.append(plans).append(plans == 1 ? " plan: " : " plans: ").append(calendars).append(calendars == 1 ? " calendar, " : " calendars, ")
        .append(events).append(" events; ").append(written).append(" written, ").append(unchanged).append(" unchanged, ")
        .append(replaced).append(" replaced");
    if (refused > 0) b.append(", ").append(refused).append(" not replaced (use --force)");
    if (writeErrors > 0) b.append(", ").append(writeErrors).append(" not written");
    b.append("; ").append(failed).append(" failed");
    if (templates > 0) b.append("; ").append(templates).append(templates == 1 ? " template skipped" : " templates skipped");
    out.println(b);
    if (cfg.emitPlans() != null) {
      out.println("plans in " + cfg.emitPlans() + ": " + emittedWritten + " written, " + emittedUnchanged + " unchanged, " + emittedReplaced + " replaced");
    }
    if (clinic != null) {
      String status = clinicResult == null ? (clinic.events() == 0 ? "not written: no sessions" : "not written")
          : clinicResult.name().toLowerCase(Locale.ROOT);
      out.println("clinic calendar " + cfg.merge() + ": " + clinic.events() + " sessions of " + clinic.plans() + (clinic.plans() == 1 ? " plan, " : " plans, ") + status);
    }
    if (!over.isEmpty()) out.println(over.size() + (over.size() == 1 ? " time" : " times") + " with more dosing sessions than chairs (see the warnings)");
  }
}
