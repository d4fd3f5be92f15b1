package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.TestPlans;

/**
 * {@link FastPath} answers the commonest command lines without picocli: what it prints and the exit
 * code must be exactly what picocli's way gives, and everything else must go to picocli.
 */
class FastPathTest {
  record Run(Integer code, String out, String err) {}

  private static Run fast(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    Integer code = FastPath.run(args, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(), env);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run picocli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.runPicocli(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), env, null);
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertSame(Map<String, String> env, String... args) {
    Run f = fast(env, args);
    assertNotNull(f.code(), "the fast path should answer " + List.of(args));
    assertEquals(picocli(env, args), f, "for " + List.of(args));
  }

  @Test
  void theBuildRenderedTheHelpOfEveryWidthAsPicocliPrintsItNow() {
    for (boolean color : new boolean[] {false, true}) {
      for (int w = FastPath.MIN_HELP_WIDTH; w <= FastPath.MAX_HELP_WIDTH; w++) {
        assertEquals(Main.renderHelp(w, color), FastPath.help(w, color), "width " + w + (color ? " in colour" : ""));
      }
    }
    assertTrue(FastPath.help(80, true).contains("\u001B["), "the colour rendering has escape sequences");
    assertTrue(FastPath.help(80, false).startsWith("Schedule, check and calendar"));
  }

  @Test
  void helpAtTheWidthOfColumnsAndKplanAlone() {
    for (String cols : new String[] {"20", "55", "72", "80", "100", "120", "300", "wide"}) {
      Map<String, String> env = Map.of("COLUMNS", cols);
      assertSame(env, "--help");
      assertSame(env, "-h");
      assertSame(env);
    }
    assertSame(Map.of("NO_COLOR", "1"), "--help");
  }

  /** The plans both fast paths are tried on: clean, with rule findings, broken YAML, and a directory of two. */
  private record Inputs(Path clean, Path bad, Path broken, Path sub) {}

  private static Inputs inputs(Path dir) throws Exception {
    Path clean = Files.writeString(dir.resolve("clean.yaml"), TestPlans.CLEAN);
    Path bad = Files.writeString(dir.resolve("rules.yaml"), TestPlans.BASE);
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "version: 1\nkind: plan\nid: [\n");
    Path sub = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(sub.resolve("a.yaml"), TestPlans.CLEAN.replace("id: ", "id: a")); // an id of its own, for calendar
    Files.writeString(sub.resolve("b.yml"), TestPlans.BASE);
    return new Inputs(clean, bad, broken, sub);
  }

  @Test
  void validateWithOnlyPathsGivesWhatPicocliGives(@TempDir Path dir) throws Exception {
    Inputs in = inputs(dir);
    Path clean = in.clean(), bad = in.bad(), broken = in.broken(), sub = in.sub();
    Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1795000000", "NO_COLOR", "1"));
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"validate", clean.toString()});
    lines.add(new String[] {"validate", bad.toString()});
    lines.add(new String[] {"validate", broken.toString()});
    lines.add(new String[] {"validate", dir.resolve("missing.yaml").toString()});
    lines.add(new String[] {"validate", sub.toString()});
    lines.add(new String[] {"validate", clean.toString(), bad.toString(), sub.toString()});
    lines.add(new String[] {"validate", clean.toString(), dir.resolve("missing.yaml").toString()});
    for (String[] args : lines) {
      assertSame(env, args);
      assertSame(Map.of("NO_COLOR", "1", "SOURCE_DATE_EPOCH", "not a number"), args);
    }
    Run r = fast(env, "validate", bad.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("error"), r.out());
  }

  /** A calendar run's exit code, output (without the timing line) and the files it left in {@code out}, from an empty {@code out} or over {@code prior}. */
  private static String calendarRun(boolean fast, Map<String, String> env, Path out, Map<String, String> prior, String... args) throws Exception {
    if (Files.exists(out)) {
      try (var s = Files.walk(out)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    if (prior != null) {
      Files.createDirectories(out);
      for (var e : prior.entrySet()) Files.writeString(out.resolve(e.getKey()), e.getValue());
    }
    Run r = fast ? fast(env, args) : picocli(env, args);
    assertNotNull(r.code(), "the fast path should answer " + List.of(args));
    return r.code() + "\n" + r.out() + "\n" + r.err().replaceAll("(?m)^kplan calendar: .*\n", "") + "\n" + files(out);
  }

  private static java.util.TreeMap<String, String> files(Path out) throws Exception {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    if (!Files.isDirectory(out)) return m;
    try (var s = Files.list(out)) {
      for (Path p : s.toList()) if (!p.getFileName().toString().startsWith(".")) m.put(p.getFileName().toString(), Files.readString(p));
    }
    return m;
  }

  @Test
  void calendarWithPathsAndItsCommonOptionsGivesWhatPicocliGives(@TempDir Path dir) throws Exception {
    Inputs in = inputs(dir);
    Path clean = in.clean(), bad = in.bad(), broken = in.broken(), sub = in.sub();
    Path out = dir.resolve("out");
    String o = out.toString();
    Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1795000000", "NO_COLOR", "1"));
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"calendar", clean.toString(), "-o", o});
    lines.add(new String[] {"calendar", "-o", o, "-q", clean.toString(), bad.toString()});
    lines.add(new String[] {"calendar", sub.toString(), clean.toString(), "--output", o, "--quiet", "--force", "--now", "2026-11-26T00:00:00Z"});
    lines.add(new String[] {"calendar", broken.toString(), dir.resolve("missing.yaml").toString(), "-o", o, "--now", "2026-11-26T00:00:00Z"});
    lines.add(new String[] {"calendar", clean.toString(), "-o", o, "--now", "yesterday"});
    lines.add(new String[] {"calendar", clean.toString(), "-o", clean.toString()});
    lines.add(new String[] {"calendar", clean.toString(), "-o", o, "-q", "--now", "2030-01-01T00:00:00Z"});
    for (String[] args : lines) {
      for (Map<String, String> e : List.of(env, Map.of("NO_COLOR", "1", "SOURCE_DATE_EPOCH", "not a number"))) {
        assertEquals(calendarRun(false, e, out, null, args), calendarRun(true, e, out, null, args), "for " + List.of(args));
        // again over what the first run wrote: unchanged, or replaced with --force, or refused without it
        Map<String, String> prior = files(out);
        calendarRun(false, e, out, null, "calendar", clean.toString(), sub.toString(), "-o", o, "--now", "2025-01-01T00:00:00Z");
        Map<String, String> older = files(out);
        for (Map<String, String> p : List.of(prior, older)) {
          assertEquals(calendarRun(false, e, out, p, args), calendarRun(true, e, out, p, args), "over earlier calendars, for " + List.of(args));
        }
      }
    }
  }

  @Test
  void anythingElseGoesToPicocli() {
    Map<String, String> env = Map.of();
    assertNull(fast(env, "validate").code(), "no path: picocli's usage error");
    assertNull(fast(env, "validate", "-").code(), "standard input");
    assertNull(fast(env, "validate", "@args.txt").code(), "an argument file");
    assertNull(fast(env, "validate", "a.yaml", "--strict").code());
    assertNull(fast(env, "validate", "-f", "json", "a.yaml").code());
    assertNull(fast(env, "validate", "").code());
    assertNull(fast(env, "validate", "--", "a.yaml").code());
    assertNull(fast(env, "schedule", "a.yaml").code());
    assertNull(fast(env, "--help", "validate").code());
    assertNull(fast(env, "help").code());
    assertNull(fast(env, "--color=always", "--help").code());
    assertNull(fast(env, "calendar", "a.yaml").code(), "no -o: picocli's usage error");
    assertNull(fast(env, "calendar", "-o", "out").code(), "no path");
    assertNull(fast(env, "calendar", "a.yaml", "-o").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "-o", "out2").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "-q", "-q").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--force", "--force").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--now", "x", "--now", "y").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "-q").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o=out").code());
    assertNull(fast(env, "calendar", "a.yaml", "-qo", "out").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--now=2026-11-26T00:00:00Z").code());
    assertNull(fast(env, "calendar", "-", "-o", "out").code(), "standard input");
    assertNull(fast(env, "calendar", "@args.txt", "-o", "out").code(), "an argument file");
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "-j", "1").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--detail", "full").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--merge", "c.ics").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--debug").code());
    assertNull(fast(env, "calendar", "a.yaml", "-o", "out", "--", "b.yaml").code());
    assertNull(fast(env, "calendar", "", "-o", "out").code());
  }
}
