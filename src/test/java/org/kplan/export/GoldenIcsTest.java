package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The calendar of every example plan (minimal detail; full detail for one), with {@code now}
 * 2026-11-26T09:00:00Z, against the reviewed files in src/test/resources/golden/ics. Run with
 * {@code -Dkplan.golden.update=true} to rewrite them, then review the diff.
 */
class GoldenIcsTest {
  static final Path DIR = Path.of("src/test/resources/golden/ics");
  static final String FULL = "adult-new-york-dst";

  @Test
  void everyExampleMatchesItsGoldenCalendar() throws IOException {
    boolean update = Boolean.getBoolean("kplan.golden.update");
    if (update) Files.createDirectories(DIR);
    TreeSet<String> expected = new TreeSet<>();
    List<String> mismatches = new ArrayList<>();
    for (String name : Examples.names()) {
      Examples.Example x = Examples.load(name);
      check(name + ".ics", x.ics(IcsWriter.Detail.MINIMAL), update, expected, mismatches);
      if (name.equals(FULL)) check(name + ".full.ics", x.ics(IcsWriter.Detail.FULL), update, expected, mismatches);
    }
    assertTrue(mismatches.isEmpty(), "calendars differ from their golden files (rerun with -Dkplan.golden.update=true and review): " + mismatches);
    try (Stream<Path> s = Files.list(DIR)) {
      TreeSet<String> present = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
      assertEquals(expected, present, "golden files without an example plan, or examples without a golden file");
    }
  }

  private static void check(String file, String ics, boolean update, TreeSet<String> expected, List<String> mismatches) throws IOException {
    expected.add(file);
    Path p = DIR.resolve(file);
    if (update) Files.writeString(p, ics, StandardCharsets.UTF_8);
    if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(ics)) mismatches.add(file);
    else IcsOracle.checkLines(ics);
  }
}
