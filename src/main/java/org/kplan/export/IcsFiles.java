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
    if (existing != null && sameIgnoringStamp(existing, data)) return SafeFiles.Result.UNCHANGED;
    return SafeFiles.write(target, data, force);
  }

  /** True when the two calendars are byte for byte the same once their DTSTAMP lines are left out. */
  public static boolean sameIgnoringStamp(byte[] a, byte[] b) {
    // the same rule as the streams below, on the arrays in place: no copy of each line
    int i = 0, j = 0;
    boolean[] stamp = {false, false};
    while (true) {
      i = nextLine(a, i, stamp, 0);
      j = nextLine(b, j, stamp, 1);
      if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
      int ei = lineEnd(a, i), ej = lineEnd(b, j);
      if (!Arrays.equals(a, i, ei, b, j, ej)) return false;
      i = ei;
      j = ej;
    }
  }

  /** The start of the next line at or after {@code from} that is not part of a DTSTAMP line; {@code x.length} at the end. */
  private static int nextLine(byte[] x, int from, boolean[] stamp, int which) {
    while (from < x.length) {
      int end = lineEnd(x, from);
      boolean continuation = x[from] == ' ' || x[from] == '\t';
      if (continuation ? stamp[which] : (stamp[which] = startsWith(x, from, end, STAMP))) {
        from = end;
        continue;
      }
      return from;
    }
    return x.length;
  }

  /** The end of the physical line starting at {@code from}: after its '\n', or the end of the data. */
  private static int lineEnd(byte[] x, int from) {
    for (int k = from; k < x.length; k++) if (x[k] == '\n') return k + 1;
    return x.length;
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
