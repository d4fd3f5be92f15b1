package org.kplan.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A growing buffer of UTF-8 bytes for calendars, written without intermediate strings. Two uses:
 * the calendar itself (whole folded lines, from {@link #line} and {@link #folded}), and the
 * scratch copy of one VEVENT, whose content lines are written unfolded, one after another, with
 * their ends recorded ({@link #endLine}) so that the event can be fingerprinted and then copied
 * out folded ({@link #foldLine}).
 *
 * <p>Strings are encoded as {@link Ics#fold} writes them: UTF-8, a lone surrogate as U+FFFD.
 */
final class IcsOut {
  byte[] buf;
  int len;
  /** Ends of the content lines written so far (scratch use). */
  int[] ends = new int[32];
  int lines;
  /**
   * True once a string written held a line feed (none should: TEXT values escape it and other
   * values are checked), which a reader would take as a line break: a fingerprint of the content
   * lines then differs from one of the folded bytes, so {@link IcsWriter} does not compare bytes.
   */
  boolean lineFeed;

  IcsOut(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  void reset() {
    len = 0;
    lines = 0;
    lineFeed = false;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  void ensure(int n) {
    if (n > buf.length - len) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
  }

  /** Ends the content line written since the last one ended. */
  void endLine() {
    if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
    ends[lines++] = len;
  }

  int lineStart(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  void bytes(byte[] b) {
    int n = b.length;
    ensure(n);
    System.arraycopy(b, 0, buf, len, n);
    len += n;
  }

  void bytes(byte[] b, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(b, from, buf, len, n);
    len += n;
  }

  void ascii(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  void crlf() {
    ensure(2);
    buf[len++] = '\r';
    buf[len++] = '\n';
  }

  /** {@code s} in UTF-8 (a lone surrogate as U+FFFD). */
  void str(String s) {
    // getBytes is a copy for ASCII (checked by the JDK in one loop over an array): several times
    // faster under C1 than a charAt loop. A lone surrogate becomes '?' there, so '?' looks closer.
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    boolean question = false;
    for (byte x : b) {
      if (x == '?') question = true;
      else if (x == '\n') lineFeed = true;
    }
    if (b.length == s.length() && (!question || !hasSurrogate(s))) {
      bytes(b);
      return;
    }
    int n = s.length();
    ensure(3 * n);
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int chars = Character.charCount(cp);
      if (chars == 1 && Character.isSurrogate((char) cp)) cp = 0xFFFD;
      codePoint(cp);
      i += chars;
    }
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isSurrogate(s.charAt(i))) return true;
    return false;
  }

  private void codePoint(int cp) {
    ensure(4);
    byte[] b = buf;
    if (cp < 0x80) {
      b[len++] = (byte) cp;
    } else if (cp < 0x800) {
      b[len++] = (byte) (0xC0 | cp >> 6);
      b[len++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      b[len++] = (byte) (0xE0 | cp >> 12);
      b[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
      b[len++] = (byte) (0x80 | cp & 0x3F);
    } else {
      b[len++] = (byte) (0xF0 | cp >> 18);
      b[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
      b[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
      b[len++] = (byte) (0x80 | cp & 0x3F);
    }
  }

  /**
   * A TEXT value, as {@link IcsWriter#text} gives it: as it is when it is printable ASCII with
   * nothing to escape and no white space at either end, else cleaned, stripped and escaped.
   */
  void text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (plain(b, s)) bytes(b);
    else str(Ics.text(Ics.clean(s).strip()));
  }

  private static boolean plain(byte[] b, String s) {
    int n = b.length;
    if (n == 0 || n != s.length() || b[0] == ' ' || b[n - 1] == ' ') return false;
    boolean question = false;
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c < 0x20 || c == 0x7F || c == '\\' || c == ';' || c == ',') return false; // bytes >= 0x80 are negative
      if (c == '?') question = true;
    }
    return !question || !hasSurrogate(s);
  }

  /** A decimal integer, as {@link Integer#toString(int)} writes it. */
  void integer(int v) {
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        str(Integer.toString(v));
        return;
      }
      ascii('-');
      v = -v;
    }
    int w = 1;
    for (int x = v; x >= 10; x /= 10) w++;
    digits(v, w);
  }

  /** {@code v} in exactly {@code width} digits, with leading zeros (v >= 0). */
  void digits(int v, int width) {
    ensure(width);
    byte[] b = buf;
    for (int i = len + width - 1; i >= len; i--) {
      b[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += width;
  }

  /** As {@link Ics#local}. */
  void local(LocalDateTime t) {
    int y = t.getYear();
    if (y < 0 || y > 9999) {
      str(Ics.local(t));
      return;
    }
    ensure(15);
    digits(y, 4);
    digits(t.getMonthValue(), 2);
    digits(t.getDayOfMonth(), 2);
    buf[len++] = 'T';
    digits(t.getHour(), 2);
    digits(t.getMinute(), 2);
    digits(t.getSecond(), 2);
  }

  /** As {@link Ics#date}. */
  void date(LocalDate d) {
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      str(Ics.date(d));
      return;
    }
    digits(y, 4);
    digits(d.getMonthValue(), 2);
    digits(d.getDayOfMonth(), 2);
  }

  /** As {@link Ics#hourMinute}. */
  void hourMinute(int hour, int minute) {
    digits(hour, 2);
    ascii(':');
    digits(minute, 2);
  }

  // ------------------------------------------------------------------ folding

  /** Appends the unfolded content line {@code src[from, to)} folded, with CRLF: the same bytes as {@link Ics#fold}. */
  void foldLine(byte[] src, int from, int to) {
    int n = to - from;
    if (n <= Ics.MAX_OCTETS) {
      ensure(n + 2);
      byte[] b = buf;
      System.arraycopy(src, from, b, len, n);
      len += n;
      b[len++] = '\r';
      b[len++] = '\n';
      return;
    }
    ensure(n + 3 * (n / 70 + 2) + 2); // every physical line holds at least 71 octets of the line
    byte[] b = buf;
    int limit = Ics.MAX_OCTETS; // octets on this physical line, the leading space of a continuation included
    int at = from;
    while (true) {
      int cut = at + limit;
      if (cut >= to) {
        cut = to;
      } else {
        while ((src[cut] & 0xC0) == 0x80) cut--; // never inside a UTF-8 sequence
      }
      System.arraycopy(src, at, b, len, cut - at);
      len += cut - at;
      b[len++] = '\r';
      b[len++] = '\n';
      if (cut >= to) return;
      b[len++] = ' ';
      limit = Ics.MAX_OCTETS - 1;
      at = cut;
    }
  }

  /** Appends the content line {@code line} folded, with CRLF. */
  void line(String line) {
    int start = len;
    str(line);
    int end = len;
    if (end - start <= Ics.MAX_OCTETS) {
      crlf();
      return;
    }
    // fold from a copy of what was just written
    byte[] copy = Arrays.copyOfRange(buf, start, end);
    len = start;
    foldLine(copy, 0, copy.length);
  }

  /** Appends the content line this scratch buffer's line {@code i} holds, folded, to {@code out}. */
  void foldInto(int i, IcsOut out) {
    out.foldLine(buf, lineStart(i), ends[i]);
  }
}
