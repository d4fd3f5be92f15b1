package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.Cli;

/**
 * Kills {@code kplan schedule ... -o out.json --force} at random moments, many times, and checks
 * that {@code out.json} is always absent, the complete old content or the complete new content:
 * never a partial file. Half of the kills land while the temporary file is being written. After
 * the calendar merge, {@code kplan calendar} belongs in {@link #COMMANDS} too.
 */
class CrashSafetyTest {
  static final String NOW = "2026-11-26T00:00:00Z";
  static final int ROUNDS = Integer.getInteger("kplan.kill.rounds", 6);
  /** kplan invocations that write OUT; each alternates between two start dates, so each run changes the file. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("schedule", "PLAN", "-f", "json", "--now", NOW, "-o", "OUT", "--force", "--start", "START"));

  /** The classpath of this test run, for a kplan subprocess. */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
    return cp;
  }

  /** A plan whose JSON schedule is several megabytes: 300 sessions, 30 tasks each, therapy. */
  static String bigPlan() {
    StringBuilder y = new StringBuilder("""
        version: 1
        kind: plan
        id: big-1
        patient: { ref: P-BIG, weightKg: 70 }
        timezone: Europe/Berlin
        start: 2027-01-04
        clinic:
          hours: { mon-sun: "07:00-21:00" }
        ketamine:
          route: iv
          dose: { mgPerKg: 0.5 }
          time: "09:00"
          phases:
            - { name: long, sessions: 300, perWeek: 3 }
          sessionTasks:
        """);
    for (int i = 0; i < 30; i++) y.append("    - { name: \"Check ").append(i).append(": vitals and notes\", at: -").append(i + 1).append("m }\n");
    y.append("    - { name: \"Suicide-risk screening (C-SSRS)\", at: -45m, kind: suicide-screening }\n");
    y.append("    - { name: \"Escort home; no driving until tomorrow\", at: +2h40m, kind: escort }\n");
    y.append("therapy: { duration: 50m, window: { from: 3h, to: 48h }, time: \"16:00\" }\n");
    return y.toString();
  }

  @Test
  void aKilledWriteLeavesNoPartialFile(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("big.yaml");
    Files.writeString(plan, bigPlan());
    for (List<String> command : COMMANDS) killRepeatedly(dir, plan, command);
  }

  private void killRepeatedly(Path dir, Path plan, List<String> template) throws Exception {
    Path out = dir.resolve("out.json");
    Files.deleteIfExists(out);
    String[] starts = {"2027-01-04", "2027-02-01"};
    List<String> complete = new ArrayList<>();
    for (String start : starts) {
      Cli.Result r = Cli.run(args(template, plan, dir.resolve("expected-" + start + ".json"), start));
      assertEquals(0, r.code(), r.toString());
      complete.add(Files.readString(dir.resolve("expected-" + start + ".json")));
      Files.delete(dir.resolve("expected-" + start + ".json"));
    }
    assertTrue(complete.get(0).length() > 1_000_000, "a schedule big enough to take a while to write");

    Random random = new Random(Long.getLong("kplan.kill.seed", 7L));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long fullRun = 0;
    int killedWhileWriting = 0, finished = 0;
    // more rounds while no kill has landed inside a write yet (the window is milliseconds long)
    for (int round = 0; round < ROUNDS || (killedWhileWriting == 0 && round < ROUNDS * 5); round++) {
      int which = round % 2;
      List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath(), "org.kplan.cli.Main"));
      cmd.addAll(List.of(args(template, plan, out, starts[which])));
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("kplan.log").toFile()).start();
      boolean atWrite = round % 2 == 1 && fullRun > 0;
      if (atWrite) {
        // wait until the temporary file appears, then kill at once (or a few milliseconds into the write)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && temporaries(dir).isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        if (round % 4 == 3) Thread.sleep(random.nextInt(5));
      } else {
        long budget = fullRun > 0 ? fullRun : 3000;
        Thread.sleep(100 + random.nextInt((int) Math.max(1, budget)));
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");
      // the temporary file still there after the kill: the kill certainly landed before the rename
      boolean wasWriting = !temporaries(dir).isEmpty();
      if (p.exitValue() == 0) {
        finished++;
        fullRun = Math.max(fullRun, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      }
      if (wasWriting) killedWhileWriting++;
      if (fullRun == 0 && round == 0) fullRun = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

      if (Files.exists(out)) {
        String now = Files.readString(out, StandardCharsets.UTF_8);
        if (!complete.contains(now)) fail("round " + round + ": out.json is partial (" + now.length() + " chars)");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
      }
      for (Path tmp : temporaries(dir)) {
        // a kill can leave the temporary file; it is owner-only, and never the output itself
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp, LinkOption.NOFOLLOW_LINKS)), tmp.toString());
        Files.delete(tmp);
      }
    }
    assertTrue(killedWhileWriting > 0, "at least one kill landed while the file was being written");
    System.out.println("CrashSafetyTest: " + ROUNDS + " rounds, " + killedWhileWriting + " killed while writing, " + finished + " finished");
  }

  private static List<Path> temporaries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".out.json.") && p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static String[] args(List<String> template, Path plan, Path out, String start) {
    return template.stream().map(a -> switch (a) {
      case "PLAN" -> plan.toString();
      case "OUT" -> out.toString();
      case "START" -> start;
      default -> a;
    }).toArray(String[]::new);
  }

}
