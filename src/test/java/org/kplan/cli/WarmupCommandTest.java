package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kplan.support.Cli;

/** The launcher's hidden warm-up runs the common command lines, prints nothing and leaves nothing behind. */
class WarmupCommandTest {
  private static long warmupDirs() throws Exception {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("kplan-warmup")).count();
    }
  }

  @Test
  void runsQuietlyAndRemovesItsTemporaryDirectory() throws Exception {
    long before = warmupDirs();
    Cli.Result r = Cli.run("__warmup");
    assertEquals(new Cli.Result(0, "", ""), r);
    assertEquals(before, warmupDirs());
  }
}
