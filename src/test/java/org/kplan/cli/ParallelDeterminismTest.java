package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;

/**
 * Many plans with public-holiday calendars checked at once give exactly what one thread gives
 * (Jollyday's caches are not thread-safe; kplan serialises its use of them).
 */
class ParallelDeterminismTest {
  @Test
  void validateInParallelEqualsValidateOnOneThread(@TempDir Path dir) throws Exception {
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("plans/examples"))) {
      examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int n = 0;
    for (int copy = 0; copy < 4; copy++) {
      for (Path e : examples) {
        String text = Files.readString(e).replaceFirst("(?m)^id: (\\S+)", "id: $1-c" + copy);
        Files.writeString(dir.resolve(String.format("p%03d.yaml", n++)), text);
      }
    }
    Result one = Cli.run("validate", "-j", "1", "-f", "json", "--now", "2026-11-26T00:00:00Z", dir.toString());
    Result many = Cli.run("validate", "-j", "8", "-f", "json", "--now", "2026-11-26T00:00:00Z", dir.toString());
    assertEquals(0, one.code(), one.toString());
    assertEquals(one.out(), many.out());
    Path out1 = dir.resolve("cal1"), out8 = dir.resolve("cal8");
    Files.createDirectories(out1);
    Files.createDirectories(out8);
    Result c1 = Cli.run("calendar", "-j", "1", "-q", "--now", "2026-11-26T00:00:00Z", "-o", out1.toString(), dir.toString());
    Result c8 = Cli.run("calendar", "-j", "8", "-q", "--now", "2026-11-26T00:00:00Z", "-o", out8.toString(), dir.toString());
    assertEquals(0, c1.code(), c1.toString());
    assertEquals(0, c8.code(), c8.toString());
    try (Stream<Path> s = Files.list(out1)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
      assertEquals(examples.size() * 4, files.size());
      for (Path f : files) assertEquals(Files.readString(f), Files.readString(out8.resolve(f.getFileName())), f.toString());
    }
  }
}
