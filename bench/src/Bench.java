import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kplan benchmark (see BENCHMARKS.md). Times whole processes with /usr/bin/time (wall seconds
 * and peak RSS), alternating kplan and its floor run by run after a warm-up, and prints medians and
 * the median of the run-by-run ratios.
 *
 * <pre>bench/run [N] [RUNS]</pre>
 */
public final class Bench {
  static final String JAVA = System.getenv("JAVA_HOME") == null ? "java" : System.getenv("JAVA_HOME") + "/bin/java";
  static Path work;
  static String classes;

  record Sample(double wall, long rssKb, int exit) {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    work = Path.of("target/bench");
    classes = "target/bench/classes:" + System.getProperty("java.class.path");
    Path plans = generate(n, 1);
    Path one = plans.resolve("plan-000000.yaml");
    warmCds();

    System.out.printf(Locale.ROOT, "kplan benchmark: %s, %d cores, Java %s, %d plans, %d runs after 1 warm-up%n",
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), n, runs);
    System.out.println();
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %8s  %s%n", "figure (medians)", "kplan", "floor", "ratio", "target");

    List<String> hello = List.of(JAVA, "-cp", "target/bench/classes", "Hello");
    List<String> floor = List.of(JAVA, "-cp", classes, "ParseFloor", plans.toString());
    // start-up runs are short and noisy: four times as many pairs
    int quick = 4 * runs;
    pair("start-up: validate one plan / bare JVM", List.of("target/kplan", "validate", one.toString()), hello, quick, "<= 3x");
    Path withHolidays = firstWith(plans, "holidays:");
    if (withHolidays != null) {
      pair("start-up: validate, plan with holidays / JVM", List.of("target/kplan", "validate", withHolidays.toString()), hello, quick, "<= 3x");
    }
    pair("start-up: --version / bare JVM", List.of("target/kplan", "--version"), hello, quick, "<= 2.5x");
    pair("start-up: --help / bare JVM", List.of("target/kplan", "--help"), hello, quick, "<= 2.5x");
    Path out = work.resolve("out");
    double[] cal = pair("batch: calendar " + n + " plans / YAML parse", calendar(plans, out), floor, runs, "<= 2x");
    pair("batch: validate " + n + " plans / YAML parse", List.of("target/kplan", "validate", "-f", "json", plans.toString()), floor, runs, "<= 2x");
    long events = countEvents(out);
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %8s  %s%n", "throughput: calendar events written / s",
        String.format(Locale.ROOT, "%,.0f", events / cal[0]), "", "", ">= 80,000 (" + events + " VEVENTs)");

    Path big = generate(n * 10, 1);
    Sample small = run(calendar(plans, out), Map.of());
    Sample large = run(calendar(big, work.resolve("out-big")), Map.of());
    System.out.printf(Locale.ROOT, "%-44s %9.0fM %9.0fM %7.2fx  %s%n", "memory: calendar " + (n * 10) + " vs " + n + " plans, peak RSS",
        large.rssKb / 1024.0, small.rssKb / 1024.0, (double) large.rssKb / small.rssKb, "<= 1.2x");
    Sample capped = run(calendar(big, work.resolve("out-big")), Map.of("KPLAN_JAVA_OPTS", "-Xmx256m"));
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %8s  %s%n", "memory: calendar " + (n * 10) + " plans with -Xmx256m",
        capped.exit == 0 ? "ok" : "exit " + capped.exit, String.format(Locale.ROOT, "%.1fs", capped.wall), "", "runs");

    System.out.println();
    System.out.println("scaling (one run each): plans per batch, and sessions per plan on " + Math.max(1, n / 10) + " plans");
    System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "batch", "wall s", "peak MiB", "VEVENTs");
    for (int k : new int[] {Math.max(1, n / 100), Math.max(1, n / 10), n}) {
      Path p = generate(k, 1);
      Path o = work.resolve("out-scale");
      Sample s = run(calendar(p, o), Map.of());
      System.out.printf(Locale.ROOT, "%-28s %10.2f %10.0f %10d%n", k + " plans x 1 sessions", s.wall, s.rssKb / 1024.0, countEvents(o));
    }
    for (int scale : new int[] {1, 10, 80}) {
      Path p = generate(Math.max(1, n / 10), scale);
      Path o = work.resolve("out-scale");
      Sample s = run(calendar(p, o), Map.of());
      System.out.printf(Locale.ROOT, "%-28s %10.2f %10.0f %10d%n", Math.max(1, n / 10) + " plans x " + scale + " sessions", s.wall, s.rssKb / 1024.0, countEvents(o));
    }
  }

  /** The first plan (by name) whose text contains {@code s}, or null. */
  static Path firstWith(Path plans, String s) throws IOException {
    try (Stream<Path> files = Files.list(plans)) {
      for (Path p : files.sorted().toList()) {
        if (Files.readString(p, StandardCharsets.UTF_8).contains(s)) return p;
      }
    }
    return null;
  }

  static List<String> calendar(Path plans, Path out) throws IOException {
    if (Files.exists(out)) deleteTree(out);
    Files.createDirectories(out);
    return List.of("target/kplan", "calendar", plans.toString(), "-o", out.toString(), "-q", "--force", "--now", "2026-11-26T00:00:00Z");
  }

  /** Runs A and B in turn, {@code runs} times after one warm-up each; prints medians and the median ratio. */
  static double[] pair(String label, List<String> a, List<String> b, int runs, String target) throws Exception {
    run(a, Map.of());
    run(b, Map.of());
    double[] wa = new double[runs], wb = new double[runs], ratio = new double[runs];
    for (int i = 0; i < runs; i++) {
      Sample sa = run(a, Map.of());
      Sample sb = run(b, Map.of());
      if (sa.exit != 0 && sa.exit != 1) System.out.println("  (" + a + " exited " + sa.exit + ")");
      wa[i] = sa.wall;
      wb[i] = sb.wall;
      ratio[i] = sa.wall / Math.max(0.001, sb.wall);
    }
    double ma = median(wa), mb = median(wb), mr = median(ratio);
    System.out.printf(Locale.ROOT, "%-44s %9.3fs %9.3fs %7.2fx  %s%n", label, ma, mb, mr, target);
    return new double[] {ma, mb, mr};
  }

  static Sample run(List<String> cmd, Map<String, String> env) throws Exception {
    Path t = Files.createTempFile("bench", ".time");
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", t.toString()));
    full.addAll(cmd);
    ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    int exit = pb.start().waitFor();
    double wall = (System.nanoTime() - start) / 1e9; // time's own %e has 10 ms steps, too coarse for start-up
    String[] f = Files.readString(t).trim().lines().reduce((x, y) -> y).orElse("0 0").split(" ");
    Files.delete(t);
    return new Sample(wall, Long.parseLong(f[1]), exit);
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  static Path generate(int n, int scale) throws Exception {
    Path dir = work.resolve("plans-" + n + (scale > 1 ? "x" + scale : ""));
    if (!Files.isDirectory(dir)) {
      Process p = new ProcessBuilder(JAVA, "-cp", classes, "GeneratePlans", dir.toString(), Integer.toString(n), "42", Integer.toString(scale))
          .inheritIO().start();
      if (p.waitFor() != 0) throw new IllegalStateException("generator failed");
    }
    return dir;
  }

  static long countEvents(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".ics")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        for (int i = text.indexOf("BEGIN:VEVENT"); i >= 0; i = text.indexOf("BEGIN:VEVENT", i + 1)) n++;
      }
    }
    return n;
  }

  /** Makes sure kplan's class-data-sharing archive exists before anything is timed. */
  static void warmCds() throws Exception {
    run(List.of("target/kplan", "--version"), Map.of());
    Path cache = Path.of(System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"), "kplan");
    for (int i = 0; i < 120; i++) {
      if (Files.isDirectory(cache)) {
        try (Stream<Path> s = Files.list(cache)) {
          if (s.noneMatch(p -> p.toString().endsWith(".lock"))) break;
        }
      }
      Thread.sleep(500);
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
