package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kplan.plan.YNode.YMap;

/**
 * {@link FastYaml} against Jackson: wherever the fast reader gives a tree, it is the tree Jackson
 * gives, positions and types included; wherever Jackson refuses a text, the fast reader leaves it
 * to Jackson. The fast reader must also read every plan and template kplan ships, or it saves
 * nothing.
 */
class FastYamlTest {
  /** Seeded, so a failure repeats; -Dkplan.fastyaml.seed and .rounds explore further. */
  private static final long SEED = Long.getLong("kplan.fastyaml.seed", 20261127L);
  private static final int ROUNDS = Integer.getInteger("kplan.fastyaml.rounds", 12_000);

  /** Jackson's tree, or null where Jackson (or YamlTree's checks around it) refuses the text. */
  private static YMap jackson(String text) {
    try {
      return YamlTree.parse("f.yaml", text, false);
    } catch (InputException e) {
      return null;
    }
  }

  /** Asserts the fast reader agrees with Jackson on {@code text}; true if the fast reader read it. */
  private static boolean agrees(String text, String what) {
    YMap fast = FastYaml.parse("f.yaml", text);
    if (fast == null) return false;
    YMap slow = jackson(text);
    if (slow == null) {
      throw new AssertionError(what + ": Jackson refuses this text, but the fast reader read it as " + fast + "\n---\n" + text);
    }
    assertEquals(slow, fast, () -> what + "\n---\n" + text);
    return true;
  }

  private static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("plans", "src/test/resources")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 200, "found the repository's YAML files");
    return files;
  }

  private static String read(Path p) throws IOException {
    String t = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    return !t.isEmpty() && t.charAt(0) == '\uFEFF' ? t.substring(1) : t;
  }

  @Test
  void readsEveryShippedPlanAndTemplateAsJacksonDoes() throws IOException {
    for (String dir : List.of("plans/examples", "plans/templates", "src/test/resources/validate/plans")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        for (Path p : s.sorted().toList()) {
          String text = read(p);
          assertNotNull(FastYaml.parse(p.toString(), text), p + " is read by the fast reader");
          assertTrue(agrees(text, p.toString()));
        }
      }
    }
  }

  /** Windows line ends and a "---" document start, as other tools write plans, stay on the fast path. */
  @Test
  void readsShippedPlansWithWindowsLineEndsOrADocumentStart() throws IOException {
    for (String dir : List.of("plans/examples", "plans/templates")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        for (Path p : s.sorted().toList()) {
          String text = read(p);
          for (String variant : List.of(text.replace("\n", "\r\n"), "---\n" + text, "--- # a plan\r\n" + text.replace("\n", "\r\n"))) {
            assertNotNull(FastYaml.parse(p.toString(), variant), p + " is read by the fast reader");
            assertTrue(agrees(variant, p + " (variant)"));
          }
        }
      }
    }
  }

  @Test
  void agreesWithJacksonOnEveryYamlFileInTheRepository() throws IOException {
    int read = 0;
    for (Path p : corpus()) {
      if (agrees(read(p), p.toString())) read++;
    }
    assertTrue(read > 100, "the fast reader read " + read + " files");
  }

  /** Every scalar form that typing distinguishes, in every place a scalar can stand. */
  @Test
  void typesScalarsAsJacksonDoes() {
    String[] scalars = {
      "null", "Null", "NULL", "~", "nullx", "true", "false", "True", "FALSE", "yes", "no", "on", "off", "y", "n",
      "0", "-0", "+0", "00", "0123", "-01", "1", "-1", "+1", "12", "1_000", "0x1F", "0o17", "0b1", "1.", "1.5", "-1.5",
      "+1.5", ".5", "-.5", "0.5", "00.5", "1e5", "1E5", "1e+5", "1E-5", "1e", "1.5e", "1.5e3", "-1.5E-3", "1.e5",
      ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", "-.nan", "1:30", "08:00", "2027-03-02", "2027-03-02T09:00",
      "20h", "-30m", "+2h40m", "$x", "${HOME}", "a b", "a  b", "a#b", "a #b", "x:y", "-x", "?x", ":x", "é", "日本",
      "a'b", "a\"b", "[x", "x]", "a,b", "a}", "😀", "a😀b", "\"q\"", "'q'", "\"\"", "''", "\"a\\tb\"", "\"\\u00e9\"",
      "\"\\u0001\"", "\"\\x41\"", "\"\\/\"", "\"a\\\"b\"", "'it''s'", "&a x", "*a", "!!str x", "!x y", "|", ">", "@x", "`x",
      "%x", "- x", "-", "? x", ": x", "[]", "{}", "[a, b]", "{a: 1}", "[a,b]", "{a:1}", "[ a ]", "{ a: b }"
    };
    int read = 0;
    for (String v : scalars) {
      for (String text : List.of("k: " + v + "\n", "k: " + v, "k:\n  - " + v + "\n", "k:\n- " + v + "\n",
          "k: [" + v + "]\n", "k: [a, " + v + "]\n", "k: {x: " + v + "}\n", "k: {" + v + ": 1}\n", v + ": 1\n",
          "k:\n  - a: " + v + "\n    b: 2\n", "k: " + v + " # note\n")) {
        if (agrees(text, "scalar " + v)) read++;
      }
    }
    assertTrue(read > 600, "the fast reader read " + read + " of the texts");
  }

  @Test
  void placesEmptyValuesAndCollectionsAsJacksonDoes() {
    List<String> texts = List.of(
        "a:\nb: 1\n", "a:   \nb: 1\n", "a: # c\nb: 1\n", "a:", "a:\n", "a:\n\n\n", "a:\n  # c\nb:\n",
        "l:\n-\n- x\n-   \n- # c\n", "l:\n  -\n  - a\n", "m:\n  a:\n    b:\n  c: 1\n",
        "# c\n\n  # c\na: 1\n", "\n\na: 1\n\n", "a: 1\n# end", "a: 1\n   # indented comment\nb: 2\n",
        "l:\n- a: 1\n  b:\n  - x\n  c: 2\n- b: 3\n", "l:\n  - - a\n", "l:\n  -\n    - a\n    - b\n  -\n    k: v\n",
        "a: 1\n b: 2\n", "a: x\n  y\n", "a: x\n\n  y\n", "a:\n  b: 1\n c: 2\n", "a: 1\na: 2\n", "a: {x: 1, x: 2}\n",
        "a: [1,\n  2]\n", "a: {x: 1,\n  y: 2}\n", "a: 'x\n  y'\n", "a: \"x\n  y\"\n", "- a\n", "x\n", "---\na: 1\n",
        "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "  a: 1\n  b: 2\n", "a :  1\n", "a: b: c\n",
        "a: [x]  # c\nb: {y: 1}   \n", "a: [ ]\nb: { }\n", "a: [x, ]\n", "a: [,x]\n", "a: {x: }\n", "a: {x}\n",
        "a: [x] y\n", "a: 'x' y\n", "a: \"x\"# c\n", "a: x #c\n", "a:\tx\n", "a: x\r\nb: y\r\n", "\"a\": 1\n",
        "'a': 1\n", "a: 😀 x\nb: [😀, y]\nc: {😀: z}\n", "k: 😀😀\n  # c\nl: [a, 😀, b]\n", "a: \"😀\\u00e9\"\n",
        // block scalars
        "a: |\n  x\n  y\nb: 1\n", "a: >\n  x\n  y\nb: 1\n", "a: >-\n  x\n  y\n", "a: |-\n  x\n\n  y\n\n\nb: 1\n",
        "a: >\n  x\n\n  y\n\n\n  z\nb: 1\n", "a: |+\n  x\n\n", "a: |2\n   x\n", "a: >\n  x\n    y\n  z\n",
        "a: |\n\n  x\n", "a: |\n  x\n   \n  y\n", "a: |\n  x\n  \n  y\n", "a: |\n  x", "a: |\n  x\n  # in\n# out\nb: 1\n",
        "a: > # c\n  x  \n  y\n", "a: >x\n  y\n", "a: |\nb: 1\n", "l:\n- |\n  x\n- >-\n  y\n  z\n- w\n",
        "l:\n  - a: >\n      x\n      y\n    b: 1\n", "a: |\n  😀 x\n  y 😀\nb: 😀\n", "a: |\n   x\n  y\n", "a:\n  b: |\n   x\n  c: 1\n",
        // plain scalars over several lines
        "a: one\n  two\nb: 1\n", "a: one\n  two\n   three\n", "a: one\n\n  two\n", "a: one\n  \n  two\n\n\nb: 1\n",
        "a: one\n  two # c\nb: 1\n", "a: one # c\n  two\n", "a: one\n  # c\n  two\n", "a: one\n  two: x\n", "a: one\n  - two\n",
        "l:\n- one\n  two\n- three\n", "l:\n  - one\n    two\n  - k: v\n    w\n", "a: 1\n  2\n", "a: null\n  x\n", "a: true\n  x\n",
        "a: x\n b\n", "m:\n  a: one\n   two\n  b: 2\n", "a: one\n  two\n---\n", "a: one\n  'two'\n", "a: 😀 one\n  😀 two\nb: 😀\n",
        "a: one  \n  two  \n", "a: one\n  two", "a: one\n  two\n  ", "a: one\n\n", "a: one\n  two\n    three\n  four\n",
        // quoted keys in block mappings
        "\"a\": 1\n\"b c\": [x]\n'd''e': 'v'\n", "\"a\":1\n", "\"a\" : 1\n", "\"a\": 1\n\"a\": 2\n", "l:\n- \"k\": v\n  'w': x\n",
        "l:\n- \"k:\\\" \": v\n", "l:\n- 'it''s': v\n", "\"\": 1\n", "\"null\": 1\n", "\"\\u00e9\": 1\n", "\"" + "k".repeat(1030) + "\": 1\n",
        "'a'\n", "\"a\"\n  : 1\n", "l:\n- \"a\\", "l:\n- \"\\", "l:\n  - \"x\\", "l:\n- \"a\\\nb\": c\n",
        // quoted scalars over several lines
        "a: 'one\n  two'\nb: 1\n", "a: \"one\n  two\"\n", "a: 'one\n\n  two'\n", "a: 'one  \n    two  '\n", "a: \"one\\t\n  two\"\n",
        "a: \"one\\\n  two\"\n", "a: 'one\ntwo'\n", "a: 'one\n  '\n", "a: 'it''s\n  ok'\n", "l:\n- 'one\n  two'\n- \"x\n  y\"\n",
        "l:\n  - k: 'one\n      two'\n    m: 1\n", "a: 'one\n  two' # c\n", "a: 'one\n  two' x\n", "a: 'one\n  \n  \n  two'\n",
        "a: \"😀\n  😀 \\u00e9\"\nb: [😀]\n", "a: \"one\\u0020\n  two\"\n", "a: 'one", "a: 'one\n", "a: \"one\n  two", "k: {a: 'one\n  two'}\n",
        "'k\n  ey': 1\n", "a: 'x\n---\n  y'\n",
        // document start, line ends
        "---\na: 1\n", "--- # c\na: 1\n", "---  \na: 1\n", "--- a: 1\n", "---\n---\na: 1\n", "# c\n---\na: 1\n", "---\n# c\na: 1\n...\n",
        "a: 1\r\nb: [x, y]\r\nc: |\r\n  one\r\n  two\r\n", "a: one\r\n  two\r\n", "a: 1\rb: 2\n", "a: 1\r\n\r\n",
        // keys SnakeYAML drops for their length as written (over 1,024 characters), not as read (found in review)
        "a: {'" + "''".repeat(511) + "': 1}\n", "a: {'" + "''".repeat(512) + "': 1}\n", "a: {\"" + "\\u0041".repeat(300) + "\": 1}\n",
        "a: {" + "k".repeat(1000) + ": 1}\n", "a: {" + "k".repeat(1001) + ": 1}\n", "k".repeat(1000) + ": 1\n", "k".repeat(1025) + ": 1\n");
    int read = 0;
    for (String t : texts) {
      if (agrees(t, "text")) read++;
    }
    assertTrue(read >= 45, "the fast reader read " + read + " of the texts");
  }

  /** Tokens inserted at random places: the characters and pieces YAML gives meaning to. */
  private static final String[] TOKENS = {
    " ", "  ", "\n", "\n  ", "\n    ", "- ", "-", ": ", ":", "#", " #x", "'", "\"", "''", "\\", "\\n", "\\t", "\\u00e9",
    "\\u0007", "\\x41", "\\U0001F600", "[", "]", "{", "}", ",", ", ", "&a ", "*a", "!!str ", "!x ", "|", ">", "---", "...",
    "%", "@", "`", "?", "? ", "~", "null", "true", "false", "True", "0", "0123", "-1", "1.5", "1e5", ".inf", "-.inf", ".nan",
    "é", "😀", "\t", "\r\n", "\r", "\u00a0", "\u2028", "\u0085", "\uFEFF", "x", "key: v", "\n- a", "\n  - b: 1",
    "{a: 1}", "[1, 2]", "\"a\": 1", "\n---\n", "k:\n", "\n\n", "$", "${X}", "<<: ", "=", "\\\"", "''x''", "|\n  ", ">-\n  ", "|-", ">", "\n   ", "\n    more words", "\n  more", "\n\n   after a blank", "---\n", "'\n   ", "\"\n    "
  };

  /** Random changes to the repository's YAML files: each result the fast reader reads must be Jackson's tree. */
  @Test
  void agreesWithJacksonOnMutatedPlans() throws IOException {
    List<String> base = new ArrayList<>();
    for (Path p : corpus()) {
      String t = read(p);
      if (FastYaml.parse("f.yaml", t) != null && t.length() < 20_000) base.add(t);
    }
    Random rnd = new Random(SEED);
    int read = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String text = base.get(rnd.nextInt(base.size()));
      int edits = 1 + rnd.nextInt(3);
      StringBuilder log = new StringBuilder();
      for (int e = 0; e < edits; e++) {
        text = mutate(text, rnd, log);
      }
      if (agrees(text, "seed " + SEED + " round " + round + log)) read++;
    }
    // most single edits land in comments or leave a valid plan; many others step outside the subset
    assertTrue(read > ROUNDS / 5, "the fast reader read " + read + " of " + ROUNDS + " mutated texts");
  }

  private static String mutate(String text, Random rnd, StringBuilder log) {
    String[] lines = text.split("\n", -1);
    int l = rnd.nextInt(lines.length);
    int kind = rnd.nextInt(8);
    log.append(" [").append(kind).append(" at line ").append(l + 1).append(']');
    switch (kind) {
      case 0: { // re-indent a line
        String line = lines[l];
        int delta = rnd.nextInt(5) - 2;
        lines[l] = delta > 0 ? " ".repeat(delta) + line : line.substring(Math.min(-delta, line.length() - line.stripLeading().length()));
        return String.join("\n", lines);
      }
      case 1: { // delete a line
        List<String> ls = new ArrayList<>(List.of(lines));
        ls.remove(l);
        return String.join("\n", ls);
      }
      case 2: { // repeat a line
        List<String> ls = new ArrayList<>(List.of(lines));
        ls.add(l, lines[l]);
        return String.join("\n", ls);
      }
      case 3: { // cut a character
        if (text.isEmpty()) return text;
        int at = rnd.nextInt(text.length());
        if (Character.isSurrogate(text.charAt(at))) return text;
        return text.substring(0, at) + text.substring(at + 1);
      }
      case 4: { // replace a line's value with a token
        String line = lines[l];
        int colon = line.indexOf(": ");
        if (colon < 0) return text;
        lines[l] = line.substring(0, colon + 2) + TOKENS[rnd.nextInt(TOKENS.length)];
        return String.join("\n", lines);
      }
      default: { // insert a token, most often on a line with content
        String token = TOKENS[rnd.nextInt(TOKENS.length)];
        String line = lines[l];
        int at = line.isEmpty() ? 0 : rnd.nextInt(line.length() + 1);
        if (at > 0 && at < line.length() && Character.isLowSurrogate(line.charAt(at))) at--;
        lines[l] = line.substring(0, at) + token + line.substring(at);
        return String.join("\n", lines);
      }
    }
  }

  @Test
  void givesUpOnWhatJacksonMustReport() {
    assertNull(FastYaml.parse("f", "a: 1\na: 2\n"), "duplicate keys");
    assertNull(FastYaml.parse("f", ""), "no content");
    assertNull(FastYaml.parse("f", "# only a comment\n"), "no content");
    assertNull(FastYaml.parse("f", "- a\n"), "not a mapping");
    assertNull(FastYaml.parse("f", "a: !!binary x\n"), "a tag");
    assertNull(FastYaml.parse("f", "a: &x 1\nb: *x\n"), "an alias");
    assertNull(FastYaml.parse("f", "a: \"\\e[31m\"\n"), "a control character by escape");
    assertNull(FastYaml.parse("f", "a: \uD800x\n"), "half a surrogate pair");
    assertNull(FastYaml.parse("f", "a: x\uDC00\n"), "half a surrogate pair");
    assertNull(FastYaml.parse("f", "a: " + "x".repeat(YamlTree.MAX_STRING + 1) + "\n"), "too long");
    StringBuilder deep = new StringBuilder();
    for (int d = 0; d < YamlTree.MAX_DEPTH + 2; d++) deep.append("  ".repeat(d)).append("k:\n");
    assertNull(FastYaml.parse("f", deep.toString()), "too deep");
  }

  /** A hostile file cannot make the reader quadratic: a 1 MiB line of emoji, in a list and as values, reads at once. */
  @Test
  void aLongLineOfEmojiIsRead() {
    StringBuilder b = new StringBuilder("a: [");
    while (b.length() < YamlTree.MAX_BYTES / 2 - 8) b.append("😀, ");
    String text = b.append("x]\n").toString();
    YMap m = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> FastYaml.parse("f", text));
    assertNotNull(m);
    YNode.YList list = (YNode.YList) m.get("a");
    YNode last = list.items().get(list.items().size() - 1);
    // "a: [" then items of three code points ("😀, "): the last item, x, is in column 5 + 3 * (items - 1)
    assertEquals(5 + 3 * (list.items().size() - 1), last.pos().column(), "columns count code points");
  }

  @Test
  void typesAsTheJsonSchemaDoes() {
    assertEquals(YNode.ScalarType.INT, FastYaml.type("-0"));
    assertEquals(YNode.ScalarType.STRING, FastYaml.type("0123"));
    assertEquals(YNode.ScalarType.FLOAT, FastYaml.type("1.e5"));
    assertEquals(YNode.ScalarType.STRING, FastYaml.type(".5"));
    assertEquals(YNode.ScalarType.STRING, FastYaml.type("True"));
    assertEquals(YNode.ScalarType.NULL, FastYaml.type("null"));
  }
}
