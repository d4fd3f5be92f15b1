package org.kplan.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 5545 content lines: TEXT escaping (section 3.3.11), parameter values (3.2), date and
 * date-time values (3.3.4, 3.3.5) and line folding (3.1): every physical line is at most 75 octets
 * of UTF-8, continuation lines start with one space, a fold never falls inside a UTF-8 sequence,
 * and every line ends with CRLF.
 */
public final class Ics {
  private Ics() {}

  public static final String CRLF = "\r\n";
  /** Longest physical line, in octets, not counting the CRLF. */
  public static final int MAX_OCTETS = 75;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  /** Appends {@code line} (one unfolded content line) to {@code out}, folded, with CRLF. */
  public static void fold(String line, StringBuilder out) {
    if (line.length() <= MAX_OCTETS && ascii(line)) {
      out.append(line).append(CRLF);
      return;
    }
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int chars = Character.charCount(cp);
      if (Character.isSurrogate(line.charAt(i)) && chars == 1) cp = 0xFFFD; // a lone surrogate has no UTF-8 form
      int n = utf8Length(cp);
      if (octets + n > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += chars;
    }
    out.append(CRLF);
  }

  private static boolean ascii(String s) {
    // on the UTF-8 bytes: a loop over an array is several times faster than charAt under C1. One
    // byte per char means ASCII or lone surrogates, which encode as '?': only then look closer.
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length != s.length()) return false;
    for (byte x : b) {
      if (x == '?') {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
      }
    }
    return true;
  }

  static int utf8Length(int cp) {
    if (cp < 0x80) return 1;
    if (cp < 0x800) return 2;
    if (cp < 0x10000) return 3;
    return 4;
  }

  /**
   * A TEXT value: backslash, semicolon, comma and newline escaped, after {@link #clean}.
   */
  public static String text(String s) {
    String c = clean(s);
    StringBuilder b = new StringBuilder(c.length() + 8);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\n' -> b.append("\\n");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * Text that TEXT can hold: CR LF and lone CR become LF; other control characters (which TEXT
   * may not contain) are dropped, tabs kept; lone surrogates become U+FFFD.
   */
  public static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        b.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
      } else if (c == '\n' || c == '\t') {
        b.append(c);
      } else if (c < 0x20 || c == 0x7F) {
        continue;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('\uFFFD');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A parameter value: control characters dropped, double quotes (which no parameter value may
   * hold) turned into single quotes, and the whole quoted when it holds {@code : ; ,}.
   */
  public static String param(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') b.append('\'');
      else if (c == '\t' || c == '\n' || c == '\r') b.append(' ');
      else if (c < 0x20 || c == 0x7F) continue;
      else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) b.append(c).append(s.charAt(++i));
      else if (Character.isSurrogate(c)) b.append('\uFFFD');
      else b.append(c);
    }
    String v = b.toString();
    boolean quote = v.isEmpty() || v.indexOf(':') >= 0 || v.indexOf(';') >= 0 || v.indexOf(',') >= 0;
    return quote ? '"' + v + '"' : v;
  }

  private record Stamp(Instant at, String text) {}

  /** The last UTC date-time formatted: a calendar stamps every event with the same DTSTAMP. */
  private static volatile Stamp lastUtc;

  /** A UTC date-time: {@code 20261126T090000Z}. */
  public static String utc(Instant t) {
    Stamp s = lastUtc;
    if (s != null && s.at.equals(t)) return s.text;
    String text = local(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "Z";
    lastUtc = new Stamp(t, text);
    return text;
  }

  /** A local ("floating", or with TZID) date-time: {@code 20261126T090000}. */
  public static String local(LocalDateTime t) {
    int y = t.getYear();
    if (y < 0 || y > 9999) return LOCAL.format(t); // sign and width as the formatter writes them
    char[] c = new char[15];
    digits(c, 0, y, 4);
    digits(c, 4, t.getMonthValue(), 2);
    digits(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    digits(c, 9, t.getHour(), 2);
    digits(c, 11, t.getMinute(), 2);
    digits(c, 13, t.getSecond(), 2);
    return new String(c);
  }

  /** A DATE value: {@code 20261126}. */
  public static String date(LocalDate d) {
    int y = d.getYear();
    if (y < 0 || y > 9999) return DATE.format(d);
    char[] c = new char[8];
    digits(c, 0, y, 4);
    digits(c, 4, d.getMonthValue(), 2);
    digits(c, 6, d.getDayOfMonth(), 2);
    return new String(c);
  }

  /** {@code hh:mm}, as {@code DateTimeFormatter.ofPattern("HH:mm")} writes it. */
  public static String hourMinute(int hour, int minute) {
    char[] c = new char[5];
    digits(c, 0, hour, 2);
    c[2] = ':';
    digits(c, 3, minute, 2);
    return new String(c);
  }

  private static void digits(char[] c, int at, int v, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }

  /** A UTC offset: {@code -0500}, {@code +0530}, with seconds when it has any. */
  public static String offset(ZoneOffset o) {
    int total = o.getTotalSeconds();
    int abs = Math.abs(total);
    String s = (total < 0 ? "-" : "+") + two(abs / 3600) + two(abs / 60 % 60);
    return abs % 60 == 0 ? s : s + two(abs % 60);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
