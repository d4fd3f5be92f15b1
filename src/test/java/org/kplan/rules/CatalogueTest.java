package org.kplan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * Catalogue hygiene (as Checkstyle's AllChecksTest): every rule has a well-formed code, a summary,
 * an explanation, sources for itself and for each default, and fixtures: a {@code bad*.yaml} whose
 * {@code # expect:} markers it meets exactly and a {@code good*.yaml} where it says nothing.
 */
class CatalogueTest {

  @Test
  void catalogueIsSortedByFamilyThenCodeWithoutDuplicates() {
    List<Rule> sorted = Catalogue.ALL.stream()
        .sorted(Comparator.comparing(Rule::family).thenComparing(Rule::code)).toList();
    assertEquals(sorted.stream().map(Rule::code).toList(), Catalogue.codes(), "Catalogue.ALL must be sorted");
    assertEquals(Catalogue.ALL.size(), new HashSet<>(Catalogue.codes()).size(), "duplicate codes");
    assertTrue(Catalogue.ALL.size() >= 25, "at least 25 rules");
  }

  @Test
  void engineAndLoaderCodesAreInTheCatalogue() {
    for (String c : List.of("PLN001", "PLN002", "PLN003", "PLN004", "PLN005", "PLN006", "PLN007", "KET016", "THR001", "FUP009")) {
      assertTrue(Catalogue.get(c).isPresent(), c);
      assertTrue(Catalogue.get(c).get().origin() != Rule.Origin.RULE, c + " is reported by the loader or engine");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleIsDocumentedAndSourced() {
    return Catalogue.ALL.stream().map(r -> DynamicTest.dynamicTest(r.code(), () -> {
      assertTrue(r.code().matches("[A-Z]{3}\\d{3}"), "code");
      assertEquals(r.family().name(), r.code().substring(0, 3));
      assertEquals("org.kplan.rules." + r.family().name().toLowerCase(Locale.ROOT), r.getClass().getPackageName(),
          "a rule lives in its family's package");
      assertTrue(java.lang.reflect.Modifier.isFinal(r.getClass().getModifiers()), "rule classes are final");
      String s = r.summary();
      assertFalse(s.isBlank(), "summary");
      assertFalse(s.endsWith("."), "summary has no trailing period: " + s);
      assertTrue(Character.isUpperCase(s.charAt(0)), "summary starts with a capital: " + s);
      assertTrue(s.length() <= 100, "summary fits on a line: " + s);
      assertTrue(r.explanation().length() >= 120, "explanation says what and why");
      assertFalse(r.sources().isEmpty(), "the rule cites a source");
      Set<String> names = new HashSet<>();
      for (Threshold<?> t : r.thresholds()) {
        assertTrue(names.add(t.name()), "threshold names are unique: " + t.name());
        assertFalse(t.name().equals("severity"), "`severity` is reserved in profiles");
        assertFalse(t.sources().isEmpty(), "default " + t.name() + " cites a source");
        assertFalse(t.description().isBlank(), "threshold " + t.name() + " is described");
        assertTrue(r.explanation().contains("`" + t.name() + "`"), "the explanation mentions `" + t.name() + "`");
      }
    }));
  }

  @Test
  void everyFixtureDirectoryBelongsToARule() throws IOException {
    try (Stream<Path> dirs = Files.list(Fixtures.ROOT)) {
      List<String> unknown = dirs.map(d -> d.getFileName().toString()).filter(n -> Catalogue.get(n).isEmpty()).toList();
      assertEquals(List.of(), unknown, "fixture directories without a rule");
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRuleHasFixturesThatItMeets() {
    return Catalogue.ALL.stream().map(r -> {
      List<Path> files = Fixtures.files(r.code());
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("has bad and good fixtures", () -> {
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("bad")),
            "no bad*.yaml under " + Fixtures.ROOT.resolve(r.code()));
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("good")),
            "no good*.yaml under " + Fixtures.ROOT.resolve(r.code()));
      }));
      for (Path f : files) tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkFixture(r, f)));
      return DynamicContainer.dynamicContainer(r.code(), tests);
    });
  }

  private static void checkFixture(Rule r, Path file) {
    String text = Fixtures.read(file);
    Map<Integer, List<String>> expected = Fixtures.expectations(text);
    boolean bad = file.getFileName().toString().startsWith("bad");
    long markers = expected.values().stream().flatMap(List::stream).filter(r.code()::equals).count();
    if (bad) assertTrue(markers > 0, file + ": a bad fixture marks at least one `# expect: " + r.code() + "`");
    else assertEquals(0, markers, file + ": a good fixture expects nothing of " + r.code());

    List<Finding> findings = Fixtures.validate(file);
    String name = file.toString();
    String all = findings.stream().map(f -> "  " + f.pos() + ": " + f.severity().label() + ": " + f.message() + " [" + f.rule() + "]")
        .collect(Collectors.joining("\n"));
    List<String> problems = new ArrayList<>();
    for (Finding f : findings) {
      if (f.rule().equals(r.code()) && !f.pos().file().equals(name)) {
        problems.add(r.code() + " reported outside the fixture, at " + f.pos());
      }
    }
    Map<Integer, List<String>> actual = new TreeMap<>();
    Set<String> marked = expected.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    for (Finding f : findings) {
      if (!f.pos().file().equals(name)) continue;
      if (marked.contains(f.rule()) || f.rule().equals(r.code())) actual.computeIfAbsent(f.pos().line(), k -> new ArrayList<>()).add(f.rule());
    }
    actual.values().forEach(l -> l.sort(null));
    if (!expected.equals(actual)) problems.add("expected (line=codes) " + expected + " but found " + actual);
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR && !marked.contains(f.rule()) && !f.rule().equals(r.code())) {
        problems.add("unexpected error " + f.rule() + " at " + f.pos());
      }
    }
    if (!problems.isEmpty()) fail(file + ":\n  " + String.join("\n  ", problems) + "\nall findings:\n" + all);
  }

  /** The hand check that replaced {@code [a-z][A-Za-z0-9]*} for threshold names accepts what it accepted. */
  @org.junit.jupiter.api.Test
  void thresholdNameCheckMatchesTheRegex() {
    java.util.regex.Pattern name = java.util.regex.Pattern.compile("[a-z][A-Za-z0-9]*");
    java.util.Random r = new java.util.Random(29);
    String alphabet = "azAZ09_-é١";
    for (int i = 0; i < 20_000; i++) {
      String s = org.kplan.support.RandomText.of(r, alphabet, 5);
      assertEquals(name.matcher(s).matches(), Threshold.isLowerCamel(s), s);
    }
    for (Rule rule : Catalogue.ALL) {
      for (Threshold<?> t : rule.thresholds()) assertTrue(Threshold.isLowerCamel(t.name()), t.name());
    }
  }
}
