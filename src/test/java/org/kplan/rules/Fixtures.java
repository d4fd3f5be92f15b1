package org.kplan.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kplan.plan.Finding;

/**
 * Rule fixtures: YAML plans under {@code src/test/resources/rules/CODE/} with the expected
 * findings marked on the offending line, {@code # expect: KET020} (several codes separated by
 * commas; a code twice means two findings on that line).
 */
final class Fixtures {
  private Fixtures() {}

  static final Path ROOT = Path.of("src/test/resources/rules");
  /** The fixed "now" of every fixture: PLN007 fixtures depend on it. */
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([A-Z]{3}\\d{3}(?:\\s*,\\s*[A-Z]{3}\\d{3})*)\\s*$");

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Expected findings: line to codes (sorted), from the {@code # expect:} markers. */
  static Map<Integer, List<String>> expectations(String text) {
    Map<Integer, List<String>> out = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (!m.find()) continue;
      List<String> codes = new ArrayList<>();
      for (String c : m.group(1).split(",")) codes.add(c.trim());
      codes.sort(null);
      out.put(i + 1, codes);
    }
    return out;
  }

  /** Validates a fixture with the default profile and the fixed now. */
  static List<Finding> validate(Path p) {
    return new Validator(Profile.DEFAULTS, NOW).validate(p.toString(), read(p), p.toAbsolutePath().getParent());
  }

  static List<Path> files(String code) {
    Path dir = ROOT.resolve(code);
    if (!Files.isDirectory(dir)) return List.of();
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
