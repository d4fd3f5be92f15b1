package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.plan.InputException;
import org.kplan.plan.YamlTree;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import org.kplan.support.TestPlans;

/**
 * Limits on what kplan reads, through the real command line: sizes (files, standard input,
 * devices), directories, FIFOs, unreadable paths, out-of-range dates and plans that would make too
 * many events. Each ends with a clear message and exit 2, quickly. The corpus in
 * {@code src/test/resources/hostile/} covers the file contents; these need a file system.
 */
class InputLimitsTest {
  static final String NOW = "--now=2026-11-26T00:00:00Z";
  static final Duration QUICK = Duration.ofSeconds(10);

  private static Result schedule(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "schedule";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = NOW;
    return assertTimeoutPreemptively(QUICK, () -> Cli.run(all));
  }

  private static void inputError(Result r, String fragment) {
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(fragment), r.toString());
    assertFalse(r.err().contains("\tat "), r.toString());
    assertFalse(r.err().contains("internal error"), r.toString());
  }

  @Test
  void aFileOverOneMebibyteIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    StringBuilder b = new StringBuilder(TestPlans.CLEAN);
    while (b.length() <= YamlTree.MAX_BYTES) b.append("# padding padding padding padding padding padding padding\n");
    Files.writeString(big, b);
    inputError(schedule(big.toString()), "big.yaml is " + Files.size(big) + " bytes; plans may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void aFileOfExactlyOneMebibyteIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("full.yaml");
    StringBuilder b = new StringBuilder(TestPlans.CLEAN);
    while (b.length() < YamlTree.MAX_BYTES - 100) b.append("# ").append("x".repeat(97)).append('\n');
    b.append("#".repeat(YamlTree.MAX_BYTES - b.length() - 1)).append('\n');
    Files.writeString(f, b);
    assertEquals(YamlTree.MAX_BYTES, Files.size(f));
    Result r = schedule(f.toString(), "-f", "json");
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void standardInputOverOneMebibyteIsRefused() {
    String big = TestPlans.CLEAN + "#" + "x".repeat(YamlTree.MAX_BYTES) + "\n";
    Result r = assertTimeoutPreemptively(QUICK, () -> Cli.run(big, Map.of(), "schedule", "-", NOW));
    inputError(r, "<stdin> is more than 1048576 bytes");
  }

  @Test
  void anEndlessDeviceIsRefusedAfterOneMebibyte() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
    inputError(schedule("/dev/zero"), "/dev/zero is more than 1048576 bytes");
    inputError(schedule("/dev/null"), "no YAML content");
    // validate reads through the same bounded reader (it used to read to the end: forever)
    Result v = assertTimeoutPreemptively(QUICK, () -> Cli.run("validate", "/dev/zero", NOW));
    assertEquals(1, v.code(), v.toString());
    assertTrue(v.out().contains("/dev/zero is more than 1048576 bytes"), v.toString());
  }

  @Test
  void aBillionLaughsFileFailsWithinASecond() throws Exception {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (String c : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      y.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
      prev = c;
    }
    TestPlans.load(TestPlans.CLEAN); // warm up the loader: the second is what counts
    InputException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> assertThrows(InputException.class, () -> TestPlans.load(y.toString())));
    assertTrue(e.getMessage().contains("YAML aliases (*name) are not allowed"), e.getMessage());
  }

  @Test
  void oddPathsOnTheCommandLineAreUsageOrOutputErrors(@TempDir Path dir) {
    String plan = "plans/examples/adult-sydney.yaml";
    inputError(schedule("a\0b.yaml"), "not a valid file name");
    inputError(schedule(""), "PLAN is empty");
    Result root = schedule(plan, "-o", "/");
    assertEquals(3, root.code(), "-o / was an internal error: " + root);
    assertTrue(root.err().contains("/ is a directory"), root.toString());
    Result empty = schedule(plan, "-o", "");
    assertEquals(3, empty.code(), empty.toString());
    assertTrue(empty.err().contains("(the current directory) is a directory"), empty.toString());
    inputError(schedule(plan, "-o", dir + "/x\0y.json"), "Invalid value for option '--output'");
  }

  @Test
  void aDirectoryIsNotAPlan(@TempDir Path dir) {
    inputError(schedule(dir.toString()), "is a directory, not a plan file");
  }

  @Test
  void aPathThroughAFileCannotBeRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("plan.yaml");
    Files.writeString(f, TestPlans.CLEAN);
    inputError(schedule(f.resolve("inner.yaml").toString()), "cannot read " + f.resolve("inner.yaml") + ": Not a directory");
  }

  @Test
  void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
    Path f = dir.resolve("secret.yaml");
    Files.writeString(f, TestPlans.CLEAN);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    inputError(schedule(f.toString()), "permission denied");
  }

  @Test
  void aFifoIsReadLikeAFile(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("plan.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(5, TimeUnit.SECONDS) && mk.exitValue() == 0, "needs mkfifo");
    Thread writer = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.write(TestPlans.CLEAN.getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        // the reader reports what it got
      }
    });
    writer.setDaemon(true);
    writer.start();
    Result r = schedule(fifo.toString(), "-f", "json");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"id\": \"ket-1\""), r.out());
  }

  @Test
  void aFifoWithAnEndlessWriterIsCutOffAtTheLimit(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("endless.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(5, TimeUnit.SECONDS) && mk.exitValue() == 0, "needs mkfifo");
    Thread writer = new Thread(() -> {
      byte[] line = "# more and more\n".getBytes(StandardCharsets.UTF_8);
      try (OutputStream o = Files.newOutputStream(fifo)) {
        for (int i = 0; i < 10_000_000; i++) o.write(line);
      } catch (Exception e) {
        // the reader closed the pipe: expected
      }
    });
    writer.setDaemon(true);
    writer.start();
    inputError(schedule(fifo.toString()), "is more than 1048576 bytes");
  }

  @Test
  void startOutsideTheAcceptedDatesIsAnInputError() {
    Result r = assertTimeoutPreemptively(QUICK, () -> Cli.run(TestPlans.CLEAN, Map.of(), "schedule", "-", "--start", "9999-12-31", NOW));
    inputError(r, "--start 9999-12-31 is outside the dates kplan accepts (1900-01-01 to 2199-12-31)");
  }

  @Test
  void aPlanThatWouldMakeTooManyEventsIsAnInputErrorAndStopsEarly() {
    StringBuilder yaml = new StringBuilder(TestPlans.CLEAN.replace("sessions: 4", "sessions: 500").replace("perWeek: 2", "perWeek: 7")
        .replace("  days: [mon, thu]\n", "").replace("  minSpacing: 48h\n", "")
        .replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-sun: \"06:00-20:00\" }"));
    yaml.append("followUp:\n");
    for (int i = 0; i < 8; i++) yaml.append("  - { name: Check ").append(i).append(", kind: other, every: day, until: \"last-session + 520w\" }\n");
    Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(yaml.toString(), Map.of(), "schedule", "-", "-f", "json", NOW));
    inputError(r, "the plan makes more than 20000 events");
    assertEquals("", r.out(), "no partial schedule is written");
  }

  @Test
  void manyProblemsArePrintedUpToALimit() {
    StringBuilder yaml = new StringBuilder(TestPlans.CLEAN).append("habits:\n");
    for (int i = 0; i < 300; i++) yaml.append("  - { name: H").append(i).append(", every: sometimes }\n");
    Result r = assertTimeoutPreemptively(QUICK, () -> Cli.run(yaml.toString(), Map.of(), "schedule", "-", NOW));
    inputError(r, "kplan: 200 more problems not shown");
    assertTrue(r.err().endsWith("kplan: <stdin>: 300 problems; no schedule written\n"), r.err());
  }
}
