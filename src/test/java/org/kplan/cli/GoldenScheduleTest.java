package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;

/**
 * The JSON schedule of every example plan, compared with a reviewed golden file. After a deliberate
 * change, regenerate with {@code ./mvnw test -Dtest=GoldenScheduleTest -Dkplan.golden.update=true}
 * and review the diff.
 */
class GoldenScheduleTest {
  static final Path EXAMPLES = Path.of("plans/examples");
  static final Path GOLDEN = Path.of("src/test/resources/golden/schedule");
  static final boolean UPDATE = Boolean.getBoolean("kplan.golden.update");

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsGoldenSchedule() throws IOException {
    return examples().stream().map(plan -> DynamicTest.dynamicTest(plan.getFileName().toString(), () -> {
      Result r = Cli.run("schedule", plan.toString(), "-f", "json", "--now", "2026-11-26T00:00:00Z");
      assertEquals(0, r.code(), r.toString());
      Path golden = GOLDEN.resolve(plan.getFileName().toString().replace(".yaml", ".json"));
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dkplan.golden.update=true and review it");
      assertEquals(Files.readString(golden), r.out(), "schedule of " + plan + " changed; review, then regenerate with -Dkplan.golden.update=true");
    }));
  }

  @Test
  void everyGoldenFileHasItsExample() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      for (Path g : s.toList()) {
        assertTrue(Files.exists(EXAMPLES.resolve(g.getFileName().toString().replace(".json", ".yaml"))), "stale golden file " + g);
      }
    }
  }
}
