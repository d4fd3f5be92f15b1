package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;

class IcsTest {
  /** Code points from every part of Unicode that trips writers up. */
  static String randomText(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder();
    while (b.length() < n) {
      int cp = switch (r.nextInt(12)) {
        case 0, 1 -> 0x20 + r.nextInt(0x5F); // printable ASCII
        case 2 -> ";,\\:\"'\n\r\t".charAt(r.nextInt(9)); // the characters TEXT escapes, and line breaks
        case 3 -> r.nextInt(0x20); // control characters
        case 4 -> 0xA0 + r.nextInt(0x700); // Latin, Greek, Cyrillic, Hebrew, Arabic (2-octet UTF-8)
        case 5 -> 0x300 + r.nextInt(0x70); // combining marks
        case 6 -> 0x4E00 + r.nextInt(0x5000); // CJK (3 octets)
        case 7 -> 0x1F300 + r.nextInt(0x300); // emoji (4 octets, surrogate pairs)
        case 8 -> 0x10000 + r.nextInt(0xFFFF); // other supplementary planes
        case 9 -> 0xD800 + r.nextInt(0x800); // a lone surrogate
        case 10 -> "\u200D\uFE0F\u2028\u2029\u202E\uFEFF\u00AD".charAt(r.nextInt(7)); // joiners, separators, bidi, BOM
        default -> 0x2000 + r.nextInt(0x1000); // punctuation, symbols
      };
      if (cp >= 0xD800 && cp <= 0xDFFF) b.append((char) cp);
      else b.appendCodePoint(cp);
    }
    return b.toString();
  }

  /** What {@link Ics#text} keeps of a string, unescaped: {@link Ics#clean}, pinned by {@link #cleanKeepsWhatTextMayHold}. */
  static String sanitized(String s) {
    return Ics.clean(s);
  }

  @Test
  void cleanKeepsWhatTextMayHold() {
    assertEquals("a\nb\nc\td", Ics.clean("a\r\nb\rc\td"), "CR LF and lone CR become LF; tabs stay");
    assertEquals("ab", Ics.clean("a\u0000\u0007\u001b\u007fb"), "other controls are dropped");
    assertEquals("x\uFFFDy\uFFFD", Ics.clean("x\uD800y\uDC00"), "lone surrogates become U+FFFD");
    assertEquals("\uD83D\uDE00 ok", Ics.clean("\uD83D\uDE00 ok"), "a surrogate pair stays");
  }

  static String unescape(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        char d = v.charAt(++i);
        b.append(d == 'n' || d == 'N' ? '\n' : d);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void foldingAndEscapingRoundTripRandomUnicode() throws CharacterCodingException {
    long seed = 20261126L;
    Random r = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      String s = randomText(r, i < 2000 ? 120 : 2000);
      String prop = r.nextBoolean() ? "SUMMARY:" : "DESCRIPTION;LANGUAGE=en:";
      String line = prop + Ics.text(s);
      StringBuilder out = new StringBuilder();
      Ics.fold(line, out);
      String folded = out.toString();
      String context = "seed " + seed + ", case " + i;
      assertTrue(folded.endsWith("\r\n"), context);
      for (String physical : folded.substring(0, folded.length() - 2).split("\r\n", -1)) {
        byte[] bytes = physical.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= 75, context + ": a line of " + bytes.length + " octets");
        // a fold inside a UTF-8 sequence would leave a line that is not valid UTF-8 on its own
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        assertTrue(physical.indexOf('\r') < 0 && physical.indexOf('\n') < 0, context + ": a bare line break");
      }
      String unfolded = folded.substring(0, folded.length() - 2).replace("\r\n ", "");
      assertEquals(line, unfolded, context);
      assertEquals(sanitized(s), unescape(Ics.text(s)), context);
    }
  }

  @Test
  void foldsAtExactlySeventyFiveOctets() {
    StringBuilder out = new StringBuilder();
    Ics.fold("X".repeat(75), out);
    assertEquals("X".repeat(75) + "\r\n", out.toString());
    out.setLength(0);
    Ics.fold("X".repeat(76), out);
    assertEquals("X".repeat(75) + "\r\n X\r\n", out.toString());
    out.setLength(0);
    // 74 ASCII octets, then a 3-octet character that would end at octet 77: it moves whole to the next line
    Ics.fold("X".repeat(74) + "\u4E2D", out);
    assertEquals("X".repeat(74) + "\r\n \u4E2D\r\n", out.toString());
  }

  @Test
  void escapesTextAndQuotesParameters() {
    assertEquals("a\\\\b\\;c\\,d\\ne\\nf", Ics.text("a\\b;c,d\ne\r\nf"));
    assertEquals("tab\tkept, bell gone", Ics.text("tab\tkept, bell\u0007 gone").replace("\\,", ","));
    assertEquals("plain", Ics.param("plain"));
    assertEquals("\"a:b; c, 'd'\"", Ics.param("a:b; c, \"d\""));
    assertEquals("-0500", Ics.offset(ZoneOffset.ofHours(-5)));
    assertEquals("+0530", Ics.offset(ZoneOffset.ofHoursMinutes(5, 30)));
    assertEquals("+002304", Ics.offset(ZoneOffset.ofTotalSeconds(23 * 60 + 4)));
    assertEquals("20261126T090000Z", Ics.utc(Instant.parse("2026-11-26T09:00:00Z")));
  }

  @Test
  void randomTitlesSurviveIcal4jUnchanged() {
    Random r = new Random(7);
    ZoneId z = ZoneId.of("Europe/London");
    List<Event> events = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // no backslashes here: ical4j 4.1.1 reads an escaped backslash before an escaped newline
      // ("\\\\\\n") as "\\\\n"; foldingAndEscapingRoundTripRandomUnicode covers backslashes
      String t = randomText(r, 300).replace('\\', '/');
      if (sanitized(t).isBlank()) t = "x" + t;
      titles.add(t);
      ZonedDateTime start = ZonedDateTime.of(LocalDateTime.of(2027, 3, 1, 9, 0).plusDays(i), z);
      events.add(new Event("fup-" + i, EventKind.FOLLOW_UP, t, start, start.plusHours(1), null, null, null, null, null, "other", null,
          List.of(randomText(r, 200))));
    }
    Schedule s = new Schedule("random-1", "P-\u00E9\u4E2D\uD83D\uDE00", z, events.get(59).start().toLocalDate(), events, List.of(), List.of());
    String ics = IcsWriter.write(s, new IcsWriter.Options(Instant.parse("2026-11-26T09:00:00Z"), IcsWriter.Detail.FULL, null,
        "Cl\u00EFnic \u2014 \uD83C\uDFE5", IcsPrior.NONE));
    Map<String, VEvent> v = IcsWriterTest.byUid(IcsOracle.parse(ics));
    for (int i = 0; i < 60; i++) {
      VEvent e = v.get("fup-" + i + "@random-1.kplan");
      // leading and trailing white space is dropped (some readers drop it; none needs it)
      assertEquals(sanitized(titles.get(i)).strip(), IcsOracle.value(e, "SUMMARY"), "title " + i);
      assertTrue(IcsOracle.value(e, "DESCRIPTION").startsWith(sanitized(titles.get(i)).strip()), "description " + i);
    }
  }
}
