package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.export.IcsOracle;

/**
 * kill -9 in the middle of a batch: no partial calendar may be left (only hidden temporary files,
 * which the next run removes), and the next run completes.
 */
class CalendarKillTest {
  static final int PLANS = 200;

  static String plan(int i) {
    return """
        version: 1
        kind: plan
        id: kill-%1$04d
        extends: adult-iv-induction
        patient: { ref: K-%1$04d, weightKg: 70 }
        timezone: Europe/London
        start: 2027-%2$02d-%3$02d
        clinic: { name: Test clinic, hours: { mon-fri: "08:00-19:00" } }
        """.formatted(i, 1 + i % 12, 1 + i % 28);
  }

  @Test
  void aKilledBatchLeavesNoPartialCalendarAndTheNextRunCompletes(@TempDir Path tmp) throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    for (int i = 0; i < PLANS; i++) Files.writeString(plans.resolve("p" + i + ".yaml"), plan(i));
    Path out = tmp.resolve("out");
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    String context = "seed " + seed;
    int killedWith = -1;
    for (int attempt = 0; attempt < 6 && (killedWith <= 0 || killedWith >= PLANS); attempt++) {
      // each attempt from an empty directory: a run that finished before the kill (kplan writes 200
      // calendars in well under a second) must not make the next attempt look killed part-way
      deleteTree(out);
      Process p = start(plans, out, tmp.resolve("child.log"));
      // wait for the first calendars, then kill after a short random delay
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (calendars(out).isEmpty() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
      Thread.sleep(r.nextInt(attempt == 0 ? 100 : 20));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), context);
      killedWith = p.exitValue() == 0 ? 0 : calendars(out).size();
      context += ", attempt " + attempt + ": exit " + p.exitValue() + " with " + calendars(out).size() + " calendars";
    }
    assertTrue(killedWith > 0 && killedWith < PLANS, "the batch was killed part-way: " + context);

    // whatever is there under a calendar's name is a whole calendar
    List<Path> done = calendars(out);
    for (Path f : done) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"), f + " is partial; " + context);
      assertTrue(text.contains("X-WR-CALNAME:Schedule K-"), f.toString());
    }
    IcsOracle.parse(Files.readString(done.get(done.size() - 1)));
    for (Path f : done) IcsOracle.checkLines(Files.readString(f, StandardCharsets.UTF_8));

    Cli.Result rerun = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--now", "2026-11-26T09:00:00Z");
    assertEquals(0, rerun.code(), rerun + context);
    assertTrue(rerun.out().startsWith(PLANS + " plans: " + PLANS + " calendars, "), rerun.out());
    assertTrue(rerun.out().contains((PLANS - done.size()) + " written, " + done.size() + " unchanged, 0 replaced"), rerun.out() + context);
    assertEquals(PLANS, calendars(out).size());
    // every calendar is whole and well formed; ical4j (about 60 ms a calendar) checks one in twenty
    List<Path> all = calendars(out);
    for (int i = 0; i < all.size(); i++) {
      String text = Files.readString(all.get(i), StandardCharsets.UTF_8);
      IcsOracle.checkLines(text);
      assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"), all.get(i).toString());
      if (i % 20 == 7) IcsOracle.parse(text);
    }
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(x -> x.getFileName().toString().endsWith(".tmp")), "the rerun removed the killed run's temporary files");
    }
  }

  static Process start(Path plans, Path out, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp, "org.kplan.cli.Main",
        "calendar", plans.toString(), "-o", out.toString(), "--now", "2026-11-26T09:00:00Z", "-q", "-j", "2"));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }

  static List<Path> calendars(Path out) throws IOException {
    if (!Files.isDirectory(out)) return List.of();
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ics") && !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }
}
