package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcsFilesTest {
  static final String A = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261126T090000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void onlyDtstampLinesMayDiffer() {
    assertTrue(IcsFiles.sameIgnoringStamp(b(A), b(A.replace("20261126T090000Z", "20270101T000000Z"))));
    assertTrue(IcsFiles.sameIgnoringStamp(b(A), b(A.replace("DTSTAMP:20261126T090000Z\r\n", "DTSTAMP:2026112\r\n 6T090000Z\r\n"))), "folded");
    assertFalse(IcsFiles.sameIgnoringStamp(b(A), b(A.replace("SUMMARY:x", "SUMMARY:y"))));
    assertTrue(IcsFiles.sameIgnoringStamp(b(A), b(A.replace("DTSTAMP:20261126T090000Z\r\n", ""))), "stamps are not compared at all");
    assertFalse(IcsFiles.sameIgnoringStamp(b(A), b(A.replace("\r\n", "\n"))), "line ends count");
    assertFalse(IcsFiles.sameIgnoringStamp(b(A), b(A + "X")));
  }

  /** The line-by-line comparison that {@code IcsFiles.sameLines} replaced (it compared a byte at a time). */
  private static boolean reference(byte[] a, int i, int aEnd, byte[] b, int j, int bEnd, boolean sequence) {
    boolean skipA = false, skipB = false;
    while (true) {
      while (i < aEnd) {
        byte c = a[i];
        if (c == ' ' || c == '\t' ? skipA : (skipA = left(a, i, aEnd, sequence))) i = end(a, i, aEnd);
        else break;
      }
      while (j < bEnd) {
        byte c = b[j];
        if (c == ' ' || c == '\t' ? skipB : (skipB = left(b, j, bEnd, sequence))) j = end(b, j, bEnd);
        else break;
      }
      while (true) {
        if (i >= aEnd || j >= bEnd) return i >= aEnd && j >= bEnd;
        byte x = a[i];
        if (x != b[j]) return false;
        i++;
        j++;
        if (x == '\n') break;
      }
    }
  }

  private static boolean left(byte[] x, int from, int end, boolean sequence) {
    String s = new String(x, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    return s.startsWith("DTSTAMP:") || sequence && s.startsWith("SEQUENCE:");
  }

  private static int end(byte[] x, int from, int end) {
    for (int k = from; k < end; k++) if (x[k] == '\n') return k + 1;
    return end;
  }

  /** Line starts of {@code x} within it, for sub-ranges. */
  private static java.util.List<Integer> starts(byte[] x) {
    java.util.List<Integer> l = new java.util.ArrayList<>(java.util.List.of(0));
    for (int k = 0; k < x.length; k++) if (x[k] == '\n') l.add(k + 1);
    return l;
  }

  @Test
  void comparisonOfRangesAgreesWithTheLineByLineOne() {
    String[] pieces = {"DTSTAMP:1", "DTSTAMP:22", "SEQUENCE:1", "SEQUENCE:2", " more", "\tmore", " DTSTAMP:3", "SUMMARY:x", "SUMMARY:y",
        "BEGIN:VEVENT", "", " ", "X", "D", "S"};
    String[] ends = {"\r\n", "\n", "\r", ""};
    java.util.Random r = new java.util.Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder a = new StringBuilder(), c = new StringBuilder();
      for (StringBuilder sb : new StringBuilder[] {a, c}) {
        int k = r.nextInt(8);
        for (int q = 0; q < k; q++) sb.append(pieces[r.nextInt(pieces.length)]).append(ends[r.nextInt(q == k - 1 ? 4 : 2)]);
      }
      if (r.nextInt(3) == 0) c = new StringBuilder(a.toString().replace("DTSTAMP:1", "DTSTAMP:22").replace("SEQUENCE:1", "SEQUENCE:2"));
      byte[] x = b(a.toString()), y = b(c.toString());
      java.util.List<Integer> sx = starts(x), sy = starts(y);
      int i = sx.get(r.nextInt(sx.size())), j = sy.get(r.nextInt(sy.size()));
      int ie = Math.max(i, r.nextBoolean() ? x.length : sx.get(r.nextInt(sx.size())));
      int je = Math.max(j, r.nextBoolean() ? y.length : sy.get(r.nextInt(sy.size())));
      if (r.nextBoolean()) {
        i = 0;
        j = 0;
        ie = x.length;
        je = y.length;
      }
      boolean seq = r.nextBoolean();
      assertEquals(reference(x, i, ie, y, j, je, seq), IcsFiles.sameLines(x, i, ie, y, j, je, seq),
          a + " | " + c + " [" + i + "," + ie + ") [" + j + "," + je + ") " + seq);
    }
  }

  /** The comparison in place agrees with the one over streams (line by line), on random edits. */
  @Test
  void inPlaceComparisonAgreesWithStreams(@TempDir Path dir) throws Exception {
    String[] pieces = {"DTSTAMP:1", "DTSTAMP:2", " more", "\tmore", "SEQUENCE:1", "SUMMARY:x", "SUMMARY:y", "", " ", "X"};
    String[] ends = {"\r\n", "\n", "\r", ""};
    java.util.Random r = new java.util.Random(11);
    Path x = dir.resolve("x"), y = dir.resolve("y");
    for (int i = 0; i < 2_000; i++) {
      StringBuilder a = new StringBuilder(), c = new StringBuilder();
      for (StringBuilder sb : new StringBuilder[] {a, c}) {
        int n = r.nextInt(6);
        for (int k = 0; k < n; k++) sb.append(pieces[r.nextInt(pieces.length)]).append(ends[r.nextInt(k == n - 1 ? 4 : 2)]);
      }
      if (r.nextBoolean()) c.setLength(0);
      if (c.length() == 0) c.append(a.toString().replace("DTSTAMP:1", "DTSTAMP:2"));
      Files.write(x, b(a.toString()));
      Files.write(y, b(c.toString()));
      assertEquals(IcsFiles.sameIgnoringStamp(x, y), IcsFiles.sameIgnoringStamp(b(a.toString()), b(c.toString())), a + " | " + c);
    }
  }

  @Test
  void writesUnchangedReplacesOnlyWithForce(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.ics");
    assertEquals(SafeFiles.Result.WRITTEN, IcsFiles.write(f, A, false));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(SafeFiles.Result.UNCHANGED, IcsFiles.write(f, A.replace("20261126T090000Z", "20270101T000000Z"), false));
    assertEquals(A, Files.readString(f), "an unchanged file keeps its bytes, DTSTAMP included");
    String b = A.replace("SUMMARY:x", "SUMMARY:y");
    OutputException e = assertThrows(OutputException.class, () -> IcsFiles.write(f, b, false));
    assertTrue(e.getMessage().endsWith("already exists and would change; use --force to replace it"), e.getMessage());
    assertEquals(SafeFiles.Result.REPLACED, IcsFiles.write(f, b, true));
    assertEquals(b, Files.readString(f));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void priorSequencesFollowContent() {
    String ev = "BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20261126T090000Z\r\nSEQUENCE:4\r\nSUMMARY:a long summary that is folded over\r\n  two lines\r\nEND:VEVENT\r\n";
    IcsPrior p = IcsPrior.parse("BEGIN:VCALENDAR\r\n" + ev + "END:VCALENDAR\r\n");
    long same = IcsPrior.fingerprint(java.util.List.of("BEGIN:VEVENT", "UID:u1", "DTSTAMP:20300101T000000Z", "SEQUENCE:0",
        "SUMMARY:a long summary that is folded over two lines", "END:VEVENT"));
    assertEquals(4, p.sequence("u1", same));
    assertEquals(5, p.sequence("u1", same + 1));
    assertEquals(0, p.sequence("u2", same));
    assertEquals(0, IcsPrior.NONE.sequence("u1", same));
  }

  @Test
  void priorFromBytesAgreesWithText() {
    String text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20261126T090000Z\r\nSEQUENCE:4\r\n"
        + "SUMMARY:caf\u00e9 \u2192 a long summary that is folded over\r\n  two lines\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\nUID:u2\nSEQUENCE: 7 \n\nX:\r\r\nEND:VEVENT\nEND:VCALENDAR";
    IcsPrior a = IcsPrior.parse(text), b = IcsPrior.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long f1 = IcsPrior.fingerprint(java.util.List.of("BEGIN:VEVENT", "UID:u1", "SUMMARY:caf\u00e9 \u2192 a long summary that is folded over two lines", "END:VEVENT"));
    long f2 = IcsPrior.fingerprint(java.util.List.of("BEGIN:VEVENT", "UID:u2", "", "X:\r", "END:VEVENT"));
    for (IcsPrior p : java.util.List.of(a, b)) {
      assertEquals(2, p.size());
      assertEquals(4, p.sequence("u1", f1));
      assertEquals(7, p.sequence("u2", f2));
      assertEquals(8, p.sequence("u2", f1));
    }
  }
}
