package org.kplan.export;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writing calendars with {@link SafeFiles}. A calendar that differs from the file already there
 * only in its DTSTAMP lines (the moment it was generated) counts as unchanged and the file is left
 * as it is: re-generating a clinic's calendars tomorrow does not touch, or ask to replace, the ones
 * whose events did not change.
 */
public final class IcsFiles {
  private IcsFiles() {}

  /** Writes {@code calendar} to {@code target}: unchanged, written, replaced (with {@code force}), or an error. */
  public static SafeFiles.Result write(Path target, String calendar, boolean force) throws OutputException {
    return write(target, calendar.getBytes(StandardCharsets.UTF_8), IcsPrior.readBytes(target), force);
  }

  /**
   * Writes the calendar {@code data} to {@code target}, where {@code existing} is what
   * {@link IcsPrior#readBytes} read there (null: nothing readable; then SafeFiles decides).
   */
  public static SafeFiles.Result write(Path target, byte[] data, byte[] existing, boolean force) throws OutputException {
    return write(target, data, existing, false, force);
  }

  /**
   * As {@link #write(Path, byte[], byte[], boolean)}; {@code same} says that {@code data} is already
   * known to be the same as {@code existing} once DTSTAMP lines are left out ({@link IcsWriter.Rendered#sameAsPrior()}
   * of a calendar written over {@code IcsPrior.of(existing)}), so they need not be compared again.
   */
  public static SafeFiles.Result write(Path target, byte[] data, byte[] existing, boolean same, boolean force) throws OutputException {
    if (existing != null && (same || sameIgnoringStamp(existing, data))) return SafeFiles.Result.UNCHANGED;
    return SafeFiles.write(target, data, force);
  }

  /** True when the two calendars are byte for byte the same once their DTSTAMP lines are left out. */
  public static boolean sameIgnoringStamp(byte[] a, byte[] b) {
    return sameLines(a, 0, a.length, b, 0, b.length, false);
  }

  /**
   * True when {@code a[i, aEnd)} and {@code b[j, bEnd)} hold the same physical lines once the
   * DTSTAMP lines (and, with {@code sequence}, the SEQUENCE lines) are left out with their
   * continuation lines. One pass over both, comparing in place: the same rule as the streams below.
   */
  static boolean sameLines(byte[] a, int i, int aEnd, byte[] b, int j, int bEnd, boolean sequence) {
    // Arrays.mismatch runs to the first difference eight bytes at a time (under C1 too, where a byte
    // loop costs several times more); only there is it decided whether the difference lies in a
    // line left out, on either side. i and j are always at the start of a physical line, and
    // a[i, pa) equals b[j, pb), so the physical lines holding the difference start equally far on.
    final int aFrom = i, bFrom = j;
    while (true) {
      int m = Arrays.mismatch(a, i, aEnd, b, j, bEnd);
      if (m < 0) return true;
      int la = lineStart(a, i, i + m), lb = j + (la - i);
      boolean leaveA = i + m < aEnd && skipped(a, logicalStart(a, aFrom, la), aEnd, sequence);
      boolean leaveB = j + m < bEnd && skipped(b, logicalStart(b, bFrom, lb), bEnd, sequence);
      if (!leaveA && !leaveB) return false;
      i = leaveA ? logicalEnd(a, la, aEnd) : la;
      j = leaveB ? logicalEnd(b, lb, bEnd) : lb;
    }
  }

  /** The start of the physical line holding {@code at}, not before {@code from}. */
  private static int lineStart(byte[] x, int from, int at) {
    int k = at;
    while (k > from && x[k - 1] != '\n') k--;
    return k;
  }

  /** The start of the content line whose physical line starts at {@code line}: back over continuation lines, not before {@code from}. */
  private static int logicalStart(byte[] x, int from, int line) {
    while (line > from && (x[line] == ' ' || x[line] == '\t')) line = lineStart(x, from, line - 1);
    return line;
  }

  /** After the physical line starting at {@code line} and the continuation lines that follow it. */
  private static int logicalEnd(byte[] x, int line, int end) {
    int k = lineEnd(x, line, end);
    while (k < end && (x[k] == ' ' || x[k] == '\t')) k = lineEnd(x, k, end);
    return k;
  }

  private static boolean skipped(byte[] x, int from, int end, boolean sequence) {
    byte c = x[from];
    return c == 'D' ? startsWith(x, from, end, STAMP) : c == 'S' && sequence && startsWith(x, from, end, SEQUENCE);
  }

  /** The end of the physical line starting at {@code from}: after its '\n', or {@code end}. */
  private static int lineEnd(byte[] x, int from, int end) {
    for (int k = from; k < end; k++) if (x[k] == '\n') return k + 1;
    return end;
  }

  private static boolean startsWith(byte[] x, int from, int end, byte[] p) {
    if (p.length > end - from) return false;
    for (int k = 0; k < p.length; k++) if (x[from + k] != p[k]) return false;
    return true;
  }

  /** {@link #sameIgnoringStamp(byte[], byte[])} for two files, read as streams. */
  public static boolean sameIgnoringStamp(Path a, Path b) throws IOException {
    try (InputStream x = new BufferedInputStream(Files.newInputStream(a), 1 << 16);
        InputStream y = new BufferedInputStream(Files.newInputStream(b), 1 << 16)) {
      return sameIgnoringStamp(x, y);
    }
  }

  private static boolean sameIgnoringStamp(InputStream a, InputStream b) throws IOException {
    Lines x = new Lines(a), y = new Lines(b);
    while (true) {
      byte[] l = x.next(), m = y.next();
      if (l == null || m == null) return l == null && m == null;
      if (!Arrays.equals(l, m)) return false;
    }
  }

  private static final byte[] STAMP = "DTSTAMP:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQUENCE = "SEQUENCE:".getBytes(StandardCharsets.US_ASCII);

  /** Physical lines with their line ends, DTSTAMP lines (and their continuations) left out. */
  private static final class Lines {
    private final InputStream in;
    private boolean inStamp;

    Lines(InputStream in) {
      this.in = in;
    }

    byte[] next() throws IOException {
      while (true) {
        int first = read();
        if (first == -1) return null;
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        b.write(first);
        int c = first;
        while (c != '\n' && (c = read()) != -1) b.write(c);
        byte[] line = b.toByteArray();
        boolean continuation = first == ' ' || first == '\t';
        if (continuation ? inStamp : (inStamp = startsWith(line, STAMP))) continue;
        return line;
      }
    }

    private int read() throws IOException {
      return in.read();
    }
  }

  private static boolean startsWith(byte[] x, byte[] p) {
    if (p.length > x.length) return false;
    for (int k = 0; k < p.length; k++) if (x[k] != p[k]) return false;
    return true;
  }
}
