package org.kplan.export;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    byte[] data = calendar.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(target) && Files.size(target) <= IcsPrior.MAX_BYTES
          && sameIgnoringStamp(Files.readAllBytes(target), data)) {
        return SafeFiles.Result.UNCHANGED;
      }
    } catch (IOException e) {
      // unreadable: SafeFiles decides
    }
    return SafeFiles.write(target, data, force);
  }

  /** True when the two calendars are byte for byte the same once their DTSTAMP lines are left out. */
  public static boolean sameIgnoringStamp(byte[] a, byte[] b) {
    try {
      return sameIgnoringStamp(new ByteArrayInputStream(a), new ByteArrayInputStream(b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
