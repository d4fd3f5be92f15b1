package org.kplan.plan;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as the plan format means it: weeks and days are calendar days in the plan's time
 * zone (so {@code 2w} keeps the local time of day across a DST change); hours and minutes are
 * elapsed time. Written {@code 40m}, {@code 2h}, {@code 1h30m}, {@code 3d}, {@code 2w}, or ISO-8601
 * ({@code PT40M}, {@code P2W}); offsets may carry a sign ({@code -15m}, {@code +2h40m}).
 */
public record PlanDuration(boolean negative, long days, long minutes) implements Comparable<PlanDuration> {
  public static final PlanDuration ZERO = new PlanDuration(false, 0, 0);

  /** For the forms {@link #parsePlain} leaves, compiled on first use: compiling costs start-up time on every run. */
  private static final class Rx {
    static final Pattern SHORT =
        Pattern.compile("(?:(\\d{1,6})w)?(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m(?:in)?)?");
    static final Pattern ISO =
        Pattern.compile("P(?:(\\d{1,6})W)?(?:(\\d{1,6})D)?(?:T(?:(\\d{1,7})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?");
  }

  public PlanDuration {
    if (days < 0 || minutes < 0) throw new IllegalArgumentException("negative parts");
    if (days == 0 && minutes == 0) negative = false;
  }

  public static PlanDuration ofMinutes(long m) {
    return m < 0 ? new PlanDuration(true, 0, -m) : new PlanDuration(false, 0, m);
  }

  public static PlanDuration ofDays(long d) {
    return d < 0 ? new PlanDuration(true, -d, 0) : new PlanDuration(false, d, 0);
  }

  /**
   * Parses a duration; {@code signed} allows a leading + or -. Throws IllegalArgumentException
   * with a message that says what was expected.
   */
  public static PlanDuration parse(String text, boolean signed) {
    PlanDuration quick = parsePlain(text, signed);
    if (quick != null) return quick;
    String s = text.trim().replace(" ", "");
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      if (!signed) throw new IllegalArgumentException("a duration here cannot have a sign");
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) throw new IllegalArgumentException("expected a duration such as 40m, 2h, 1h30m, 3d or 2w");
    Matcher iso = Rx.ISO.matcher(s.toUpperCase(Locale.ROOT));
    if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p') && iso.matches()) {
      long w = num(iso.group(1)), d = num(iso.group(2)), h = num(iso.group(3)), m = num(iso.group(4)), sec = num(iso.group(5));
      if (sec % 60 != 0) throw new IllegalArgumentException("durations are in whole minutes; seconds are not supported");
      if (s.equalsIgnoreCase("P") || s.equalsIgnoreCase("PT")) throw new IllegalArgumentException("empty ISO-8601 duration");
      return new PlanDuration(neg, w * 7 + d, h * 60 + m + sec / 60);
    }
    Matcher m = Rx.SHORT.matcher(s.toLowerCase(Locale.ROOT));
    if (!m.matches() || allDigits(s)) {
      if (allDigits(s)) {
        throw new IllegalArgumentException("a duration needs a unit: " + s + "m, " + s + "h, " + s + "d or " + s + "w");
      }
      throw new IllegalArgumentException("expected a duration such as 40m, 2h, 1h30m, 3d or 2w (or ISO-8601 PT40M)");
    }
    long w = num(m.group(1)), d = num(m.group(2)), h = num(m.group(3)), min = num(m.group(4));
    return new PlanDuration(neg, w * 7 + d, h * 60 + min);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
    return true;
  }

  /** Largest number of digits before w, d, h and m in the short form (as in {@code Rx.SHORT}). */
  private static final int[] DIGITS = {6, 6, 7, 9};
  private static final String UNITS = "wdhm";

  /**
   * The common short form without regular expressions: an optional sign (where allowed), then
   * lowercase {@code Nw}, {@code Nd}, {@code Nh}, {@code Nm} or {@code Nmin} in that order, with
   * no spaces. Null for anything else, which {@link #parse} then reads (or refuses) as before.
   */
  private static PlanDuration parsePlain(String s, boolean signed) {
    int i = 0, n = s.length();
    boolean neg = false;
    if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      if (!signed) return null;
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= n) return null;
    long[] part = new long[4];
    int unit = 0;
    while (i < n) {
      int start = i;
      long v = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') v = v * 10 + (s.charAt(i++) - '0');
      int digits = i - start;
      if (digits == 0 || i >= n) return null;
      int u = UNITS.indexOf(s.charAt(i), unit);
      if (u < 0 || digits > DIGITS[u]) return null;
      part[u] = v;
      unit = u + 1;
      i++;
      if (u == 3 && i < n) {
        if (!s.startsWith("in", i)) return null;
        i += 2;
        if (i < n) return null;
      }
    }
    return new PlanDuration(neg, part[0] * 7 + part[1], part[2] * 60 + part[3]);
  }

  private static long num(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }

  public boolean isZero() {
    return days == 0 && minutes == 0;
  }

  /** The elapsed length, counting a day as 24 hours: for comparisons against thresholds. */
  public Duration approximate() {
    Duration d = Duration.ofDays(days).plusMinutes(minutes);
    return negative ? d.negated() : d;
  }

  /** The elapsed part only (for durations that the format keeps in minutes and hours). */
  public Duration elapsed() {
    return Duration.ofMinutes(negative ? -minutes : minutes);
  }

  /** Adds this duration to a zoned time: calendar days first (keeping local time), then elapsed minutes. */
  public ZonedDateTime addTo(ZonedDateTime t) {
    // a zero part is skipped: plusDays(0) and plus(Duration.ZERO) give an equal time, after two
    // more time-zone lookups; plusMinutes(m) is plus(Duration.ofMinutes(m)) without the Duration
    ZonedDateTime r = t;
    if (negative) {
      if (days != 0) r = r.minusDays(days);
      return minutes == 0 ? r : plusSeconds(r, -minutes * 60);
    }
    if (days != 0) r = r.plusDays(days);
    return minutes == 0 ? r : plusSeconds(r, minutes * 60);
  }

  /**
   * {@code t.plusSeconds(s)}: elapsed time, so the result is the instant {@code s} seconds later in
   * the same zone, which is what plusSeconds computes through local date-time arithmetic first.
   */
  public static ZonedDateTime plusSeconds(ZonedDateTime t, long s) {
    if (s == 0) return t;
    return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.addExact(t.toEpochSecond(), s), t.getNano()), t.getZone());
  }

  /** {@code t.plus(d)} for an elapsed duration, through {@link #plusSeconds}. */
  public static ZonedDateTime plus(ZonedDateTime t, Duration d) {
    return d.getNano() != 0 ? t.plus(d) : plusSeconds(t, d.getSeconds());
  }

  public PlanDuration negate() {
    return new PlanDuration(!negative, days, minutes);
  }

  @Override
  public int compareTo(PlanDuration o) {
    return approximate().compareTo(o.approximate());
  }

  /** Canonical short form: {@code 1w2d}, {@code 2h40m}, {@code -15m}, {@code 0m}. */
  @Override
  public String toString() {
    if (isZero()) return "0m";
    StringBuilder b = new StringBuilder();
    if (negative) b.append('-');
    if (days >= 7 && days % 7 == 0) b.append(days / 7).append('w');
    else if (days > 0) b.append(days).append('d');
    if (minutes >= 60) b.append(minutes / 60).append('h');
    if (minutes % 60 != 0) b.append(minutes % 60).append('m');
    return b.toString();
  }

  /** ISO-8601 form for the JSON schedule: {@code PT40M}, {@code P14D}, {@code P1DT2H}. */
  public String iso() {
    if (isZero()) return "PT0M";
    StringBuilder b = new StringBuilder(negative ? "-P" : "P");
    if (days > 0) b.append(days).append('D');
    if (minutes > 0) {
      b.append('T');
      if (minutes >= 60) b.append(minutes / 60).append('H');
      if (minutes % 60 != 0) b.append(minutes % 60).append('M');
    }
    return b.toString();
  }
}
