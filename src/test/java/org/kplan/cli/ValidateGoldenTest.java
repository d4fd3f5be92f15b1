package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files for every {@code kplan validate} format, over three small plans: a clean one, a
 * minor without consent, and one with a too-high dose, too-short monitoring and too-dense sessions.
 */
class ValidateGoldenTest {
  static final String PLANS = "src/test/resources/validate/plans";
  static final Path GOLDEN = Path.of("src/test/resources/validate/golden");
  static final String NOW = "2026-12-01T00:00:00Z";

  @ParameterizedTest
  @CsvSource({"text, report.txt", "json, report.json", "sarif, report.sarif", "junit, report.xml", "github, report.github.txt"})
  void formatMatchesGoldenFile(String format, String golden) throws Exception {
    Cli.Result r = Cli.run("validate", PLANS, "-f", format, "--now", NOW, "--no-color");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.err(), "nothing on standard error");
    String out = format.equals("sarif") ? r.out().replace("\"version\": \"" + VersionProvider.version() + "\"", "\"version\": \"VERSION\"") : r.out();
    Cli.golden(GOLDEN.resolve(golden), out);
  }
}
