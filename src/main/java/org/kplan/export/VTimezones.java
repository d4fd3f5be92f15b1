package org.kplan.export;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds the VTIMEZONE of a zone from {@link ZoneRules}, correct for every instant of a covered
 * span (the calendar's events, with a day's margin). Three shapes, chosen per zone and span:
 *
 * <ul>
 *   <li><b>rules</b>: the zone has daylight saving time now and its current yearly rules already
 *       applied at the start of the span: one STANDARD and one DAYLIGHT observance, each starting
 *       at the first onset of the current rules and repeating by an RRULE. The RRULE states the
 *       rule as the tz database does ("the Sunday on or after March 8", {@code BYDAY=SU;
 *       BYMONTHDAY=8,...,14}; "the last Sunday", {@code BYDAY=SU;BYMONTHDAY=-1,...,-7}), the form
 *       ical4j also reads correctly (it misreads {@code BYDAY=2SU} in a VTIMEZONE);
 *   <li><b>fixed</b>: no transition in the span and no rules: one STANDARD observance;
 *   <li><b>explicit</b>: anything else (rules that changed inside the span, transitions without
 *       rules): one observance per transition in the span, plus the one in force at its start,
 *       each without RRULE. Each repeats its onset as an RDATE: allowed by RFC 5545 (the onsets
 *       are a set) and needed by ical4j, which skips an observance's DTSTART otherwise.
 * </ul>
 *
 * Output is deterministic for a given JDK time-zone database.
 */
public final class VTimezones {
  private VTimezones() {}

  private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  /** How a VTIMEZONE was built; see the class comment. */
  public enum Shape {
    RULES,
    FIXED,
    EXPLICIT
  }

  /** One observance: a STANDARD or DAYLIGHT sub-component. */
  record Observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to, String name, String rrule, boolean rdate) {}

  /** The content lines (unfolded) of the VTIMEZONE of {@code zone}, correct from {@code from} to {@code to}. */
  public static List<String> lines(ZoneId zone, Instant from, Instant to) {
    if (!to.isBefore(from)) {
      // the rules shape depends on the span only through whether it qualifies: its lines are made once per zone
      Rules info = rules(zone);
      if (info.observances != null && info.covers(from, to)) return info.lines;
    }
    return lines(zone, observances(zone, from, to));
  }

  /** {@link #lines(ZoneId, Instant, Instant)} made afresh, without what is kept per zone (for tests). */
  static List<String> uncached(ZoneId zone, Instant from, Instant to) {
    return lines(zone, observances(zone, from, to));
  }

  /** The abbreviation as the JDK formats it, not kept (for tests). */
  static String uncachedName(ZoneId zone, Instant at) {
    return format(zone, at);
  }

  /** The abbreviation as {@link #lines} uses it (for tests). */
  static String cachedName(ZoneId zone, Instant at) {
    return name(zone, at);
  }

  private static List<String> lines(ZoneId zone, List<Observance> observances) {
    List<String> out = new ArrayList<>();
    out.add("BEGIN:VTIMEZONE");
    out.add("TZID:" + zone.getId());
    for (Observance o : observances) {
      String kind = o.daylight ? "DAYLIGHT" : "STANDARD";
      out.add("BEGIN:" + kind);
      out.add("DTSTART:" + Ics.local(o.start));
      if (o.rrule != null) out.add("RRULE:" + o.rrule);
      if (o.rdate) out.add("RDATE:" + Ics.local(o.start));
      out.add("TZOFFSETFROM:" + Ics.offset(o.from));
      out.add("TZOFFSETTO:" + Ics.offset(o.to));
      if (o.name != null) out.add("TZNAME:" + Ics.text(o.name));
      out.add("END:" + kind);
    }
    out.add("END:VTIMEZONE");
    return out;
  }

  /** Which shape {@link #lines} uses for this zone and span. */
  public static Shape shape(ZoneId zone, Instant from, Instant to) {
    ZoneRules r = zone.getRules();
    if (ruleObservances(r, zone, from, to) != null) return Shape.RULES;
    return transitions(r, from, to).isEmpty() ? Shape.FIXED : Shape.EXPLICIT;
  }

  static List<Observance> observances(ZoneId zone, Instant from, Instant to) {
    if (to.isBefore(from)) to = from;
    ZoneRules r = zone.getRules();
    List<Observance> rules = ruleObservances(r, zone, from, to);
    if (rules != null) return rules;
    List<ZoneOffsetTransition> in = transitions(r, from, to);
    if (in.isEmpty()) {
      ZoneOffset o = r.getOffset(from);
      return List.of(new Observance(r.isDaylightSavings(from), EPOCH, o, o, name(zone, from), null, false));
    }
    List<Observance> out = new ArrayList<>();
    ZoneOffsetTransition before = r.previousTransition(from.plusSeconds(1));
    if (before != null && !before.getInstant().isAfter(from)) {
      out.add(explicit(r, zone, before));
    } else {
      ZoneOffset o = r.getOffset(from);
      out.add(new Observance(r.isDaylightSavings(from), EPOCH, o, o, name(zone, from), null, false));
    }
    for (ZoneOffsetTransition t : in) out.add(explicit(r, zone, t));
    return out;
  }

  private static Observance explicit(ZoneRules r, ZoneId zone, ZoneOffsetTransition t) {
    return new Observance(r.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(),
        name(zone, t.getInstant()), null, true);
  }

  /** Transitions after {@code from} up to and including {@code to}. */
  static List<ZoneOffsetTransition> transitions(ZoneRules r, Instant from, Instant to) {
    List<ZoneOffsetTransition> out = new ArrayList<>();
    for (ZoneOffsetTransition t = r.nextTransition(from); t != null && !t.getInstant().isAfter(to); t = r.nextTransition(t.getInstant())) {
      out.add(t);
      if (out.size() > 10_000) break;
    }
    return out;
  }

  /**
   * What {@link #ruleObservances} finds for a zone, kept per zone: the observances do not depend
   * on the span, only whether they may be used does ({@link #covers}). Exact: the same answer as
   * {@link #ruleObservances} for every span.
   */
  private static final class Rules {
    final ZoneId zone;
    /** The RULES observances and their lines; null when the zone's rules cannot be written so for any span. */
    final List<Observance> observances;
    final List<String> lines;
    /** The latest first onset of the current rules: a span must start at or after it. */
    final Instant firstOnset;
    /** Spans up to this year (the year after the span's end, in UTC) were checked: good up to {@code good}, bad from {@code bad}. */
    private int good = Integer.MIN_VALUE, bad = Integer.MAX_VALUE;

    Rules(ZoneId zone) {
      this.zone = zone;
      // the observances as ruleObservances gives them for a span that starts late enough and ends at once
      ZoneRules r = zone.getRules();
      List<ZoneOffsetTransitionRule> rules = r.getTransitionRules();
      Instant latest = null;
      boolean possible = !rules.isEmpty();
      for (ZoneOffsetTransitionRule rule : rules) {
        if (rule.getDayOfWeek() == null || rule.getOffsetBefore().equals(rule.getOffsetAfter())) possible = false;
      }
      List<Observance> obs = null;
      if (possible) {
        for (ZoneOffsetTransitionRule rule : rules) {
          Instant first = firstOnset(r, rule);
          if (latest == null || first.isAfter(latest)) latest = first;
        }
        obs = ruleObservances(r, zone, latest, latest);
      }
      this.observances = obs;
      this.firstOnset = latest;
      this.lines = obs == null ? null : List.copyOf(lines(zone, obs));
    }

    /** Whether {@link #ruleObservances} gives these observances for the span: it starts after every first onset, and every year to its end follows the rules. */
    boolean covers(Instant from, Instant to) {
      if (firstOnset.isAfter(from)) return false;
      int endYear = LocalDateTime.ofInstant(to, ZoneOffset.UTC).getYear() + 1;
      synchronized (this) {
        if (endYear <= good) return true;
        if (endYear >= bad) return false;
      }
      boolean ok = ruleObservances(zone.getRules(), zone, from, to) != null;
      synchronized (this) {
        if (ok) good = Math.max(good, endYear);
        else bad = Math.min(bad, endYear);
      }
      return ok;
    }
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Rules> RULES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Rules rules(ZoneId zone) {
    Rules r = RULES.get(zone.getId());
    if (r == null) {
      r = new Rules(zone);
      Rules had = RULES.putIfAbsent(zone.getId(), r);
      if (had != null) r = had;
    }
    return r;
  }

  /** The first transition of {@code rule} after the zone's last historical one, as {@link #ruleObservances} finds it. */
  private static Instant firstOnset(ZoneRules r, ZoneOffsetTransitionRule rule) {
    List<ZoneOffsetTransition> hist = r.getTransitions();
    ZoneOffsetTransition last = hist.isEmpty() ? null : hist.get(hist.size() - 1);
    int y = last == null ? 1970 : last.getDateTimeAfter().getYear();
    ZoneOffsetTransition first = rule.createTransition(y);
    if (last != null && !first.getInstant().isAfter(last.getInstant())) first = rule.createTransition(++y);
    return first.getInstant();
  }

  /**
   * The RRULE observances, or null when the zone has no current rules, when they began after
   * {@code from}, or when a rule cannot be written as "weekday on or after/before day N" in local
   * time for every year up to {@code to}.
   */
  private static List<Observance> ruleObservances(ZoneRules r, ZoneId zone, Instant from, Instant to) {
    List<ZoneOffsetTransitionRule> rules = r.getTransitionRules();
    if (rules.isEmpty()) return null;
    List<ZoneOffsetTransition> hist = r.getTransitions();
    ZoneOffsetTransition last = hist.isEmpty() ? null : hist.get(hist.size() - 1);
    int lastYear = last == null ? 1970 : last.getDateTimeAfter().getYear();
    int endYear = LocalDateTime.ofInstant(to, ZoneOffset.UTC).getYear() + 1;
    List<Observance> out = new ArrayList<>();
    for (ZoneOffsetTransitionRule rule : rules) {
      if (rule.getDayOfWeek() == null || rule.getOffsetBefore().equals(rule.getOffsetAfter())) return null;
      int y = lastYear;
      ZoneOffsetTransition first = rule.createTransition(y);
      if (last != null && !first.getInstant().isAfter(last.getInstant())) first = rule.createTransition(++y);
      if (first.getInstant().isAfter(from)) return null;
      LocalTime wall = first.getDateTimeBefore().toLocalTime();
      for (int year = y; year <= Math.max(endYear, y); year++) {
        LocalDateTime expected = rule.createTransition(year).getDateTimeBefore();
        if (!expected.equals(LocalDateTime.of(nominal(rule, year), wall))) return null;
      }
      boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
      out.add(new Observance(daylight, first.getDateTimeBefore(), rule.getOffsetBefore(), rule.getOffsetAfter(),
          name(zone, first.getInstant()), rrule(rule), false));
    }
    out.sort(Comparator.comparing(Observance::start));
    return out;
  }

  /** The date the RRULE of {@code rule} gives in {@code year}: its weekday on or after (or before) its day. */
  private static LocalDate nominal(ZoneOffsetTransitionRule rule, int year) {
    int d = rule.getDayOfMonthIndicator();
    LocalDate first = LocalDate.of(year, rule.getMonth(), 1);
    if (d > 0) {
      LocalDate base = first.withDayOfMonth(Math.min(d, first.lengthOfMonth()));
      LocalDate x = base.with(TemporalAdjusters.nextOrSame(rule.getDayOfWeek()));
      return x.getMonth() == rule.getMonth() && d + 6 <= first.lengthOfMonth() ? x : LocalDate.MIN;
    }
    LocalDate base = first.withDayOfMonth(first.lengthOfMonth() + 1 + d);
    return base.with(TemporalAdjusters.previousOrSame(rule.getDayOfWeek()));
  }

  private static String rrule(ZoneOffsetTransitionRule rule) {
    int d = rule.getDayOfMonthIndicator();
    StringBuilder days = new StringBuilder();
    // ascending from d ("on or after d"), or descending from d ("on or before d from the end"):
    // the first day listed is the one ical4j reads the rule from
    for (int i = 0; i < 7; i++) {
      if (i > 0) days.append(',');
      days.append(d > 0 ? d + i : d - i);
    }
    return "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";BYDAY=" + day(rule.getDayOfWeek()) + ";BYMONTHDAY=" + days;
  }

  private static String day(DayOfWeek d) {
    return d.name().substring(0, 2);
  }

  /**
   * The English abbreviation (EST, BST, AEDT). One thread at a time: when several threads of a new
   * JVM ask the JDK for zone names at once, some get "GMT+01:00" instead of "BST" for the rest of
   * the run (seen on OpenJDK 17), which made calendars differ between runs.
   */
  private static String name(ZoneId zone, Instant at) {
    // the pattern "zzz" prints the zone's standard or daylight name, chosen by isDaylightSavings
    // at the instant (or the id of a ZoneOffset): one name per zone and kind, kept once made
    boolean dst = zone.getRules().isDaylightSavings(at);
    String key = dst ? zone.getId() + "\u0000D" : zone.getId();
    String n = NAMES.get(key);
    if (n == null) {
      n = format(zone, at);
      String had = NAMES.putIfAbsent(key, n);
      if (had != null) n = had;
    }
    return n;
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  private static synchronized String format(ZoneId zone, Instant at) {
    return ABBREVIATION.format(ZonedDateTime.ofInstant(at, zone));
  }
}
