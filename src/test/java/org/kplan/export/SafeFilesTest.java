package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.Cli;

/** Files kplan writes carry health information: owner-only, all or nothing, never over something else. */
class SafeFilesTest {
  static final byte[] OLD = "old content\n".getBytes(StandardCharsets.UTF_8);
  static final byte[] NEW = "new content, longer than the old\n".getBytes(StandardCharsets.UTF_8);

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void newAndReplacedFilesAreOwnerOnly(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    assertEquals(SafeFiles.Result.WRITTEN, SafeFiles.write(f, OLD, false));
    assertEquals("rw-------", perms(f));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(SafeFiles.Result.REPLACED, SafeFiles.write(f, NEW, true));
    assertEquals("rw-------", perms(f), "a replaced file is owner-only too");
    assertArrayEquals(NEW, Files.readAllBytes(f));
    assertEquals(List.of("s.json"), names(dir), "no temporary file left");
  }

  @Test
  void sameContentIsLeftAlone(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    SafeFiles.write(f, OLD, false);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(f, before);
    assertEquals(SafeFiles.Result.UNCHANGED, SafeFiles.write(f, OLD, false));
    assertEquals(before, Files.getLastModifiedTime(f));
  }

  @Test
  void anExistingFileIsUntouchedWithoutForce(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    Files.write(f, OLD);
    OutputException e = assertThrows(OutputException.class, () -> SafeFiles.write(f, NEW, false));
    assertTrue(e.getMessage().contains("use --force"), e.getMessage());
    assertArrayEquals(OLD, Files.readAllBytes(f));
    assertEquals(List.of("s.json"), names(dir));
  }

  @Test
  void linksDevicesAndDirectoriesAreNeverReplaced(@TempDir Path dir) throws Exception {
    Path real = dir.resolve("real.json");
    Files.write(real, OLD);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
    OutputException e = assertThrows(OutputException.class, () -> SafeFiles.write(link, NEW, true));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertArrayEquals(OLD, Files.readAllBytes(real));
    assertThrows(OutputException.class, () -> SafeFiles.write(dir, NEW, true));
    if (Files.exists(Path.of("/dev/null"))) {
      OutputException d = assertThrows(OutputException.class, () -> SafeFiles.write(Path.of("/dev/null"), NEW, true));
      assertTrue(d.getMessage().contains("not a regular file"), d.getMessage());
      assertTrue(!Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
    }
    assertEquals(List.of("link.json", "real.json"), names(dir));
  }

  @Test
  void aLongFileNameStillGetsATemporaryFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("é".repeat(90) + "-" + "x".repeat(50) + ".json");
    assertEquals(SafeFiles.Result.WRITTEN, SafeFiles.write(f, OLD, false));
    assertArrayEquals(OLD, Files.readAllBytes(f));
  }

  @Test
  void aMissingDirectoryIsAnOutputError(@TempDir Path dir) {
    OutputException e = assertThrows(OutputException.class, () -> SafeFiles.write(dir.resolve("no/such/s.json"), NEW, false));
    assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
  }

  /**
   * A write that fails half-way (here: the file-size limit of the process, EFBIG) leaves the
   * existing file as it was and no temporary file behind. Runs kplan as a subprocess under
   * {@code ulimit -f}.
   */
  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path plan = dir.resolve("big.yaml");
    Files.writeString(plan, CrashSafetyTest.bigPlan());
    Path out = dir.resolve("out.json");
    Files.write(out, OLD);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // 256 blocks of 1 KiB: the JVM runs, the schedule (megabytes of JSON) does not fit
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c",
        "ulimit -f 256 && exec \"$0\" -XX:-UsePerfData -XX:TieredStopAtLevel=1 -cp \"$1\" org.kplan.cli.Main schedule \"$2\" "
            + "-f json --now 2026-11-26T00:00:00Z -o \"$3\" --force",
        java, CrashSafetyTest.classpath(), plan.toString(), out.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kplan finished");
    assertEquals(3, p.exitValue(), output);
    assertTrue(output.contains("kplan: cannot write " + out), output);
    assertArrayEquals(OLD, Files.readAllBytes(out), "the old file is untouched");
    assertEquals(List.of("big.yaml", "out.json"), names(dir), "no temporary file left");
  }
}
