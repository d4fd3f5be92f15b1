package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kplan.schedule.EventKind;

/** The byte writer gives the bytes the string helpers ({@link Ics#fold}, {@link IcsWriter#text}) give. */
class IcsOutTest {
  private static byte[] folded(String line) {
    StringBuilder b = new StringBuilder();
    Ics.fold(line, b);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(IcsOut o) {
    return Arrays.copyOf(o.buf, o.len);
  }

  @Test
  void foldsAsIcsFoldOnRandomUnicode() {
    Random r = new Random(20261127L);
    for (int i = 0; i < 3000; i++) {
      String line = (r.nextBoolean() ? "SUMMARY:" : "X:") + IcsTest.randomText(r, i < 2000 ? 160 : 1500);
      IcsOut o = new IcsOut(16);
      o.line(line);
      assertArrayEquals(folded(line), bytes(o), "case " + i);
      // through a scratch buffer, as events are written
      IcsOut scratch = new IcsOut(16), out = new IcsOut(16);
      scratch.str("BEGIN:X");
      scratch.endLine();
      scratch.str(line);
      scratch.endLine();
      scratch.foldInto(1, out);
      assertArrayEquals(folded(line), bytes(out), "case " + i);
    }
    for (int n = 0; n < 400; n++) {
      for (String unit : new String[] {"x", "\u00e9", "\u4E2D", "\uD83D\uDE00"}) {
        String line = unit.repeat(n);
        IcsOut o = new IcsOut(1);
        o.line(line);
        assertArrayEquals(folded(line), bytes(o), n + " of " + unit);
      }
    }
  }

  @Test
  void textAsIcsWriterText() {
    Random r = new Random(5);
    List<String> cases = new ArrayList<>(List.of("", " ", "plain", " lead", "trail ", "a,b", "a;b", "a\\b", "why?", "x\uD800?", "?\uDC00",
        "caf\u00e9", "tab\tx", "\u007f", "line\r\nbreak"));
    for (int i = 0; i < 2000; i++) cases.add(IcsTest.randomText(r, 80));
    for (String s : cases) {
      IcsOut o = new IcsOut(1);
      o.text(s);
      assertArrayEquals(IcsWriter.text(s).getBytes(StandardCharsets.UTF_8), bytes(o), s);
      IcsOut p = new IcsOut(1);
      p.str(s);
      // what Ics.fold writes for the raw string: a lone surrogate as U+FFFD
      StringBuilder want = new StringBuilder();
      s.codePoints().forEach(cp -> want.appendCodePoint(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp));
      assertArrayEquals(want.toString().getBytes(StandardCharsets.UTF_8), bytes(p), s);
    }
  }

  @Test
  void neutralTitlesAsText() {
    String[] categories = {null, "", "vitals", "suicide-screening", "observation", "escort", "assessment", "preparation", "family",
        "psychiatry", "step-down", "support-group", "therapy", "sleep", "activity", "nutrition", "mindfulness", "substance-avoidance", "other"};
    Integer[] sessions = {null, 0, 1, 7, 12, 123456, -3, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (EventKind k : EventKind.values()) {
      for (String c : categories) {
        for (Integer s : sessions) {
          IcsOut o = new IcsOut(1);
          IcsWriter.neutral(o, k, c, s);
          assertEquals(IcsWriter.text(IcsWriter.neutral(k, c, s)), new String(bytes(o), StandardCharsets.UTF_8), k + " " + c + " " + s);
        }
      }
    }
  }

  @Test
  void datesAsIcs() {
    for (LocalDateTime t : List.of(LocalDateTime.of(2027, 1, 2, 3, 4, 5), LocalDateTime.of(1, 12, 31, 23, 59, 59),
        LocalDateTime.of(9999, 1, 1, 0, 0), LocalDateTime.of(10000, 1, 1, 0, 0), LocalDateTime.of(-5, 6, 7, 8, 9))) {
      IcsOut o = new IcsOut(1);
      o.local(t);
      assertEquals(Ics.local(t), new String(bytes(o), StandardCharsets.US_ASCII));
      IcsOut d = new IcsOut(1);
      d.date(t.toLocalDate());
      assertEquals(Ics.date(t.toLocalDate()), new String(bytes(d), StandardCharsets.US_ASCII));
    }
    assertEquals(Ics.date(LocalDate.of(2027, 3, 9)), "20270309");
  }

  @Test
  void fingerprintOfScratchLinesAsOfStrings() {
    List<String> lines = List.of("BEGIN:VEVENT", "UID:u1", "DTSTAMP:20261126T090000Z", "SEQUENCE:3", "SUMMARY:caf\u00e9 " + "x".repeat(90),
        "", "X:\r", "END:VEVENT");
    IcsOut o = new IcsOut(1);
    for (String l : lines) {
      o.str(l);
      o.endLine();
    }
    assertEquals(IcsPrior.fingerprint(lines), IcsPrior.fingerprint(o));
  }

  /** The calendar with a copy of its first event (SEQUENCE 9) added at its end: the copy is the one a UID finds. */
  private static String duplicated(String ics) {
    int from = ics.indexOf("BEGIN:VEVENT"), to = ics.indexOf("END:VEVENT\r\n", from) + "END:VEVENT\r\n".length();
    String copy = ics.substring(from, to).replace("SEQUENCE:0", "SEQUENCE:9");
    int end = ics.lastIndexOf("END:VCALENDAR");
    return ics.substring(0, end) + copy + ics.substring(end);
  }

  /**
   * SEQUENCE over an earlier calendar read from bytes (compared in place, fingerprinted lazily)
   * is what the fingerprints of the earlier calendar's text give, however that calendar was folded
   * and whatever its SEQUENCE values and DTSTAMP.
   */
  @Test
  void sequenceFromBytesAsFromText() {
    for (String name : Examples.names()) {
      Examples.Example x = Examples.load(name);
      for (IcsWriter.Detail d : IcsWriter.Detail.values()) {
        IcsWriter.Options o = x.options(d);
        String first = IcsWriter.write(x.schedule(), o);
        List<String> priors = List.of(first, first.replace("SEQUENCE:0", "SEQUENCE:4"), first.replace("\r\n ", ""),
            first.replace("\r\n", "\n").replace("SEQUENCE:0", "SEQUENCE:2"), first.replace("DTSTAMP:20261126T090000Z", "DTSTAMP:20200101T000000Z"),
            first.replace("CATEGORIES:Treatment", "CATEGORIES:Other"), first.replace("SUMMARY:", "SUMMARY:x"), duplicated(first));
        for (String prior : priors) {
          Instant later = Examples.NOW.plusSeconds(3600);
          String fromText = IcsWriter.write(x.schedule(), new IcsWriter.Options(later, d, null, x.plan().clinic().name(), IcsPrior.parse(prior)));
          String fromBytes = IcsWriter.write(x.schedule(),
              new IcsWriter.Options(later, d, null, x.plan().clinic().name(), IcsPrior.of(prior.getBytes(StandardCharsets.UTF_8))));
          assertEquals(fromText, fromBytes, name + " " + d);
          // the unchanged check made while writing agrees with comparing the two files afterwards
          byte[] priorBytes = prior.getBytes(StandardCharsets.UTF_8);
          IcsWriter.Rendered r = IcsWriter.render(x.schedule(), new IcsWriter.Options(later, d, null, x.plan().clinic().name(), IcsPrior.of(priorBytes)));
          assertEquals(IcsFiles.sameIgnoringStamp(priorBytes, r.data()), r.sameAsPrior(), name + " " + d);
          if (prior == first) assertTrue(r.sameAsPrior(), name + " " + d);
        }
      }
    }
  }

  /**
   * A render over an earlier calendar not parsed yet (which follows it event by event while each
   * reads the same, see IcsWriter) gives what a render over the parsed calendar gives, whatever
   * part of the earlier calendar differs: an event left out, one repeated (a UID twice), a SEQUENCE
   * with a leading zero, a folded DTSTAMP, a last event changed.
   */
  @Test
  void unparsedPriorAsParsed() {
    for (String name : Examples.names()) {
      Examples.Example x = Examples.load(name);
      for (IcsWriter.Detail d : IcsWriter.Detail.values()) {
        String first = IcsWriter.write(x.schedule(), x.options(d));
        List<Integer> starts = new java.util.ArrayList<>();
        for (int i = first.indexOf("BEGIN:VEVENT"); i >= 0; i = first.indexOf("BEGIN:VEVENT", i + 1)) starts.add(i);
        int n = starts.size(), mid = starts.get(n / 2), midEnd = first.indexOf("END:VEVENT\r\n", mid) + 12;
        int last = starts.get(n - 1);
        String middle = first.substring(mid, midEnd);
        int end = first.lastIndexOf("END:VCALENDAR");
        List<String> priors = List.of(first,
            first.substring(0, mid) + first.substring(midEnd),
            first.substring(0, end) + middle.replace("SEQUENCE:0", "SEQUENCE:3") + first.substring(end),
            first.substring(0, end) + middle + first.substring(end),
            first.substring(0, mid) + middle.replace("SEQUENCE:0", "SEQUENCE:05") + first.substring(midEnd),
            first.substring(0, mid) + middle.replaceFirst("DTSTAMP:(\\d{8})", "DTSTAMP:$1\r\n ") + first.substring(midEnd),
            first.substring(0, last) + first.substring(last).replaceFirst("SUMMARY:", "SUMMARY:y"),
            first.substring(0, end) + "X-EXTRA:1\r\n" + first.substring(end),
            first.substring(0, end));
        for (String prior : priors) {
          byte[] b = prior.getBytes(StandardCharsets.UTF_8);
          Instant later = Examples.NOW.plusSeconds(60);
          IcsWriter.Options o = new IcsWriter.Options(later, d, null, x.plan().clinic().name(), IcsPrior.of(b));
          IcsWriter.Rendered lazy = IcsWriter.render(x.schedule(), o);
          IcsWriter.Rendered parsed = IcsWriter.render(x.schedule(), o.withPrior(IcsPrior.parse(b)));
          assertEquals(new String(parsed.data(), StandardCharsets.UTF_8), new String(lazy.data(), StandardCharsets.UTF_8), name + " " + d);
          assertEquals(parsed.sameAsPrior(), lazy.sameAsPrior(), name + " " + d);
          assertEquals(IcsFiles.sameIgnoringStamp(b, lazy.data()), lazy.sameAsPrior(), name + " " + d);
        }
      }
    }
  }
}
