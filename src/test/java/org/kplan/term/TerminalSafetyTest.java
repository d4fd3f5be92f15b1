package org.kplan.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kplan.export.Json;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;
import org.kplan.support.Cli;
import org.kplan.support.TestPlans;

/** Text from a plan never reaches a terminal raw: control and bidirectional characters are escaped. */
class TerminalSafetyTest {
  static boolean raw(String s) {
    return s.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL && c != '\n')
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C);
  }

  @Test
  void safeEscapesControlAndBidiCharacters() {
    assertEquals("a\\u001b[31mb\\u202ec\\u0085d", Diagnostics.safe("a\u001b[31mb\u202ec\u0085d"));
    assertEquals("plain — text ✓ 日本", Diagnostics.safe("plain — text ✓ 日本"));
    assertEquals("two\\u000alines", Diagnostics.safe("two\nlines"));
  }

  @Test
  void longMessagesKeepTheirStartAndEnd() {
    String m = "unknown weekday \"" + "x".repeat(5000) + "\" (mon, tue)";
    String c = Diagnostics.clip(m);
    assertTrue(c.length() < 450, c);
    assertTrue(c.startsWith("unknown weekday \"xxx"), c);
    assertTrue(c.endsWith("\" (mon, tue)"), c);
  }

  @Test
  void findingsPrintWithoutRawCharacters() {
    StringWriter w = new StringWriter();
    new Diagnostics(Style.PLAIN).print(new Finding(Codes.PLN_UNKNOWN_KEY, Severity.ERROR,
        "unknown key `na\u202eme\u001b[2J`", new Pos("pl\u202ean.yaml", 3, 1), null), new PrintWriter(w));
    assertFalse(raw(w.toString()), w.toString());
    assertTrue(w.toString().contains("unknown key `na\\u202eme\\u001b[2J`"), w.toString());
  }

  @Test
  void jsonEscapesControlAndBidiCharacters() {
    StringWriter w = new StringWriter();
    new Json(w).beginObject().field("t", "a\u202eb\u0085c\u2066d\u0007").endObject();
    assertEquals("{\n  \"t\": \"a\\u202eb\\u0085c\\u2066d\\u0007\"\n}\n", w.toString());
  }

  @Test
  void tableAndErrorsFromAHostilePlanCarryNoRawCharacters() {
    String yaml = TestPlans.CLEAN.replace("modality: CBT", "modality: \"CBT \u202e evil\"")
        + "habits:\n  - { name: \"Walk \u2067home\u2069\", kind: activity, every: day }\n";
    Cli.Result table = Cli.run(yaml, Map.of(), "schedule", "-", "-f", "table", "--now=2026-11-26T00:00:00Z");
    assertEquals(0, table.code(), table.toString());
    assertFalse(raw(table.out()), table.out());
    assertTrue(table.out().contains("CBT \\u202e evil"), table.out());
    Cli.Result json = Cli.run(yaml, Map.of(), "schedule", "-", "-f", "json", "--now=2026-11-26T00:00:00Z");
    assertFalse(raw(json.out()), json.out());

    Cli.Result bad = Cli.run(TestPlans.CLEAN + "na\u202eme: 1\n", Map.of(), "schedule", "-");
    assertEquals(2, bad.code(), bad.toString());
    assertFalse(raw(bad.err()), bad.err());
    assertTrue(bad.err().contains("unknown key `na\\u202eme`"), bad.err());
  }

  /** The check that replaced the expression {@code \\p{Cc}|[bidi controls]} finds what it found. */
  @Test
  void unsafeMatchesTheRegex() {
    java.util.regex.Pattern unsafe = java.util.regex.Pattern.compile("\\p{Cc}|[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    java.util.Random r = new java.util.Random(23);
    String alphabet = "a \t\n\u001b\u007f\u0085\u009f\u00a0\u061c\u200e\u200f\u2029\u202a\u202e\u202f\u2066\u2069\u206aé🙂";
    for (int i = 0; i < 20_000; i++) {
      String s = org.kplan.support.RandomText.of(r, alphabet, 7);
      assertEquals(unsafe.matcher(s).find(), Diagnostics.unsafe(s), s);
    }
  }

  /** COLUMNS is read with a hand check that accepts what {@code \\d{1,4}} accepted. */
  @Test
  void widthCheckMatchesTheRegex() {
    java.util.Random r = new java.util.Random(31);
    for (int i = 0; i < 20_000; i++) {
      String s = org.kplan.support.RandomText.of(r, "0189 x-١", 6);
      assertEquals(s.matches("\\d{1,4}"), Style.isWidth(s), s);
    }
  }
}
