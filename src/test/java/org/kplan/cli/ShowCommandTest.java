package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import org.kplan.support.TestPlans;

/**
 * {@code kplan show}: golden month views at 80 and 120 columns, with and without colour, under
 * {@code src/test/resources/golden/show/}. After a deliberate change, regenerate with
 * {@code ./mvnw test -Dtest=ShowCommandTest -Dkplan.golden.update=true} and review the diff.
 */
class ShowCommandTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/show");
  static final boolean UPDATE = Boolean.getBoolean("kplan.golden.update");
  static final String LA = "plans/examples/adolescent-los-angeles.yaml";
  static final String NY = "plans/examples/adult-new-york-dst.yaml";
  static final String NOW = "--now=2026-11-26T00:00:00Z";
  /** An environment without NO_COLOR, so that --color=always gives colour. */
  static final Map<String, String> COLOR_ALLOWED = Map.of("NO_COLOR", "");

  record Case(String name, String plan, int width, boolean color, String... extra) {}

  static List<Case> cases() {
    return List.of(
        new Case("adolescent-los-angeles-80", LA, 80, false),
        new Case("adolescent-los-angeles-120", LA, 120, false),
        new Case("adolescent-los-angeles-80-color", LA, 80, true),
        new Case("adolescent-los-angeles-120-color", LA, 120, true),
        new Case("adult-new-york-dst-80", NY, 80, false),
        new Case("adult-new-york-dst-2027-04-120", NY, 120, false, "--month", "2027-04"));
  }

  @TestFactory
  Stream<DynamicTest> monthViewsMatchTheirGoldenFiles() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<String> args = new ArrayList<>(List.of("show", c.plan(), NOW, "--width", String.valueOf(c.width())));
      if (c.color()) args.add("--color=always");
      args.addAll(List.of(c.extra()));
      Result r = Cli.run("", c.color() ? COLOR_ALLOWED : Map.of(), args.toArray(String[]::new));
      assertEquals(0, r.code(), r.toString());
      assertEquals("", r.err());
      assertEquals(c.color(), r.out().contains("\u001b["), "escape codes exactly when colour is on");
      Path golden = GOLDEN.resolve(c.name() + ".txt");
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dkplan.golden.update=true and review it");
      assertEquals(Files.readString(golden), r.out(), c.name() + " changed; review, then regenerate with -Dkplan.golden.update=true");
    }));
  }

  @Test
  void everyGoldenFileHasItsCase() throws IOException {
    List<String> names = cases().stream().map(c -> c.name() + ".txt").toList();
    try (Stream<Path> s = Files.list(GOLDEN)) {
      for (Path g : s.toList()) assertTrue(names.contains(g.getFileName().toString()), "stale golden file " + g);
    }
  }

  @Test
  void theGridMarksDosingTherapyAndWindowDaysWithALegend() {
    Result r = Cli.run("show", LA, NOW, "--width", "80");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("                                January 2027"), r.out());
    assertTrue(lines.contains("Mon        Tue        Wed        Thu        Fri        Sat        Sun"), r.out());
    // session 1 on Mon 11; its therapy on Tue 12, inside the window; session 3 moved to Tue 19 (MLK Day)
    assertTrue(lines.contains("11 K       12~TA      13~F       14~K       15~T       16~        17~"), r.out());
    assertTrue(lines.contains("18         19 KA      20~TF      21~K       22~T       23~        24~"), r.out());
    assertTrue(lines.contains("K dosing session   T therapy   A assessment   F follow-up   ~ post-dose window"), r.out());
    assertTrue(r.out().contains("  Tue 19  09:00-11:40  ketamine   Ketamine session 3 (induction)"), r.out());
    assertTrue(r.out().contains("↳ Moved from Mon 2027-01-18 09:00: public holiday"), r.out());
  }

  @Test
  void theDefaultMonthIsTheFirstDosingSessionsAndAllShowsEveryMonth() {
    Result first = Cli.run("show", NY, NOW);
    assertEquals(0, first.code(), first.toString());
    assertTrue(first.out().contains("March 2027"), first.out());
    assertTrue(first.out().contains("Ketamine session 1 (induction)"), first.out());
    Result all = Cli.run("show", NY, NOW, "--month", "all");
    assertEquals(0, all.code(), all.toString());
    for (String m : List.of("March 2027", "April 2027", "May 2027", "June 2027")) assertTrue(all.out().contains("Events in " + m), m + "\n" + all.out());
  }

  @TestFactory
  Stream<DynamicTest> noLineIsWiderThanTheWidth() throws IOException {
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("plans/examples"))) {
      examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return examples.stream().flatMap(p -> Stream.of(80, 120, 40).map(w -> DynamicTest.dynamicTest(p.getFileName() + " at " + w, () -> {
      Result r = Cli.run("show", p.toString(), NOW, "--month", "all", "--width", String.valueOf(w));
      assertEquals(0, r.code(), r.toString());
      for (String line : r.out().lines().toList()) assertTrue(line.length() <= w, "wider than " + w + ": " + line);
    })));
  }

  @Test
  void widthComesFromColumnsWithoutATerminal() {
    Result wide = Cli.run("", Map.of("COLUMNS", "120"), "show", LA, NOW);
    Result explicit = Cli.run("show", LA, NOW, "--width", "120");
    Result plain = Cli.run("show", LA, NOW);
    assertEquals(explicit.out(), wide.out());
    assertFalse(plain.out().equals(wide.out()));
    assertEquals(Cli.run("show", LA, NOW, "--width", "80").out(), plain.out(), "80 columns when nothing says otherwise");
  }

  @Test
  void noColourWithNoColorOrNoColorFlagEvenWhenAskedFor() {
    assertFalse(Cli.run("", Map.of("NO_COLOR", "1"), "show", LA, NOW, "--color=always").out().contains("\u001b["));
    assertFalse(Cli.run("", COLOR_ALLOWED, "show", LA, NOW, "--color=always", "--no-color").out().contains("\u001b["));
    assertFalse(Cli.run("", COLOR_ALLOWED, "show", LA, NOW).out().contains("\u001b["), "auto: no terminal, no colour");
  }

  @Test
  void badMonthOrPlanIsAUsageError() {
    Result month = Cli.run("show", LA, NOW, "--month", "2027-13");
    assertEquals(2, month.code(), month.toString());
    assertTrue(month.err().contains("--month expects a month as YYYY-MM (such as 2027-02) or 'all', found \"2027-13\""), month.err());
    Result bad = Cli.run(TestPlans.BASE.replace("  monitoring: 2h", "  monitring: 2h"), Map.of(), "show", "-", NOW);
    assertEquals(2, bad.code(), bad.toString());
    assertEquals("", bad.out());
    assertTrue(bad.err().contains("<stdin>:13:3: error: unknown key `monitring` in ketamine; did you mean `monitoring`? [PLN002]"), bad.err());
    Result narrow = Cli.run("show", LA, NOW, "--width", "20");
    assertEquals(2, narrow.code(), narrow.toString());
  }

  @Test
  void unplaceableTherapyIsShownAndExitsOne() {
    // the window closes (2h30m after the start of dosing) before monitoring ends (2h40m)
    String tooShort = TestPlans.BASE.replace("window: { from: 24h, to: 72h }", "window: { from: 2h, to: 2h30m }");
    Result r = Cli.run(tooShort, Map.of(), "show", "-", NOW);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("March 2027"), r.out());
    assertTrue(r.err().contains("[THR001]"), r.err());
  }
}
