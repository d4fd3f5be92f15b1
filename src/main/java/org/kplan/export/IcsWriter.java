package org.kplan.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/**
 * A schedule as an RFC 5545 calendar: one VCALENDAR with the VTIMEZONE of the plan's zone, one
 * VEVENT per event (occurrences of a series are covered by its master, which carries the RRULE and
 * an EXDATE for every occurrence that moved; a moved occurrence is its own VEVENT), reminders as
 * VALARMs. Written by hand: CRLF line ends, 75-octet folding, TEXT escaping.
 *
 * <p>What goes in: with {@link Detail#MINIMAL} (the default) neutral titles by kind ("Treatment
 * session 3", "Integration therapy", "Family session"), the patient reference in the calendar
 * name, and nothing else: no name, initials, diagnosis, drug, dose, clinic name, plan titles or
 * notes, so that a calendar on a phone (and its lock-screen reminders) shows no more than it must.
 * {@link Detail#FULL} adds the plan's own titles, phase, dose, route, window, notes and the clinic
 * as LOCATION, for the clinic's own calendar.
 *
 * <p>Stable for re-import: UID {@code <event-id>@<plan-id>.kplan}; SEQUENCE from {@link IcsPrior}
 * (0 for a new event, +1 when an event changed since the calendar it replaces); DTSTAMP is the
 * caller's {@code now}. The same schedule, options and prior calendar give the same bytes.
 */
public final class IcsWriter {
  private IcsWriter() {}

  /** Names the format, not the program version, so that calendars do not change with a release. */
  public static final String PRODID = "-//kplan//kplan calendar 1//EN";
  /** ORGANIZER when none is given: METHOD:PUBLISH needs one (RFC 5546); .invalid never delivers mail. */
  public static final String DEFAULT_ORGANIZER = "mailto:calendar@kplan.invalid";

  /** How much a calendar says; see the class comment. */
  public enum Detail {
    MINIMAL,
    FULL;

    public static Detail parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "minimal" -> MINIMAL;
        case "full" -> FULL;
        default -> throw new IllegalArgumentException("detail must be minimal or full, found \"" + s + "\"");
      };
    }
  }

  /**
   * @param now the DTSTAMP of every event
   * @param organizer a cal-address URI for ORGANIZER ({@link #DEFAULT_ORGANIZER} when null)
   * @param clinicName LOCATION and organizer name with full detail; may be null
   * @param prior the calendar this one replaces, for SEQUENCE
   */
  public record Options(Instant now, Detail detail, String organizer, String clinicName, IcsPrior prior) {
    public Options {
      Objects.requireNonNull(now, "now");
      if (detail == null) detail = Detail.MINIMAL;
      if (organizer == null) organizer = DEFAULT_ORGANIZER;
      if (prior == null) prior = IcsPrior.NONE;
    }

    public Options(Instant now) {
      this(now, Detail.MINIMAL, null, null, IcsPrior.NONE);
    }

    public Options withPrior(IcsPrior p) {
      return new Options(now, detail, organizer, clinicName, p);
    }
  }

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

  /** Reminder the day before a dosing session (rules-sources fact 17: escort home, no driving until the next day after sleep). */
  static final String ESCORT = "Someone must take you home after the session. Do not drive, cycle or operate machinery until the next day, after a night's sleep.";
  /** {@link #ESCORT} as a TEXT value. */
  private static final String ESCORT_TEXT = Ics.text(Ics.clean(ESCORT).strip());

  /** The calendar of one schedule. */
  public static String write(Schedule s, Options o) {
    return new String(bytes(s, o), StandardCharsets.UTF_8);
  }

  /** The calendar of one schedule, as the UTF-8 bytes of the file. */
  public static byte[] bytes(Schedule s, Options o) {
    return render(s, o).data();
  }

  /**
   * A calendar's bytes, and whether they are the same as the earlier calendar's (the bytes
   * {@code Options.prior()} was parsed from) once DTSTAMP lines are left out, exactly as
   * {@link IcsFiles#sameIgnoringStamp(byte[], byte[])} would say. False also means "not known".
   */
  public record Rendered(byte[] data, boolean sameAsPrior) {}

  /**
   * The calendar of one schedule. Over an earlier calendar, each part is compared as it is
   * written with the same part of the earlier one (which also settles each event's SEQUENCE), so
   * that an unchanged calendar is known as such without comparing the two files again.
   */
  public static Rendered render(Schedule s, Options o) {
    try {
      return render(s, o, true);
    } catch (Unparsed e) {
      return render(s, o, false);
    }
  }

  /**
   * Thrown when a render that followed the earlier calendar without parsing it ({@link Cal#lazy})
   * finds that it may have decided differently from one over the parsed calendar: the render
   * starts again over the parsed calendar. Only when UIDs repeat, which kplan never writes.
   */
  private static final class Unparsed extends RuntimeException {
    Unparsed() {
      super(null, null, false, false);
    }
  }

  /**
   * {@link #render(Schedule, Options)}; {@code lazy} lets it follow an earlier calendar that is not
   * parsed yet, event by event, for as long as each event reads the same as the earlier one's next
   * event (most calendars, when a batch runs again): only a difference parses it.
   */
  private static Rendered render(Schedule s, Options o, boolean lazy) {
    Cal c = new Cal(s, o, new IcsOut(8192 + 640 * (s.events().size() + s.series().size())));
    IcsOut out = c.out;
    head(out, c.ev, calendarName(s), s.timezone().getId());
    Instant[] span = span(s);
    for (String l : VTimezones.lines(s.timezone(), span[0], span[1])) out.line(l);
    byte[] old = lazy ? o.prior().pending() : null;
    int first;
    if (old != null) {
      // where the parse would put the first event; the parse itself waits (see Cal.lazy)
      first = IcsPrior.firstEvent(old);
      c.lazy = true;
    } else {
      old = o.prior().data();
      first = o.prior().firstEvent();
    }
    if (old != null && first >= 0) {
      c.same = IcsFiles.sameLines(old, 0, first, out.buf, 0, out.len, false);
      c.at = first;
    }
    c.old = old;
    for (Event e : s.events()) {
      if (e.series() != null) continue; // the series master covers it
      event(c, e, false);
    }
    for (Series r : s.series()) series(c, r);
    int tail = out.len;
    out.bytes(END_VCALENDAR);
    boolean same = c.same && IcsFiles.sameLines(old, c.at, old.length, out.buf, tail, out.len, false);
    if (c.lazy && c.next > 0) {
      // every event so far was taken as the earlier calendar's next one, as the parsed calendar
      // would take it when no two of its events share a UID. When the whole calendar is the same,
      // its UIDs are this one's; otherwise ask the parse.
      if (same ? !uniqueIds(s) : !o.prior().uniqueUids()) throw new Unparsed();
    }
    return new Rendered(out.toByteArray(), same);
  }

  /** True when no two VEVENTs of the calendar of {@code s} have the same UID (the same id). */
  private static boolean uniqueIds(Schedule s) {
    // an open-addressing table of the ids seen, without a HashSet's node per id
    int n = s.events().size() + s.series().size();
    String[] table = new String[Integer.highestOneBit(Math.max(4, n) * 2) * 2];
    int mask = table.length - 1;
    for (Event e : s.events()) if (e.series() == null && !add(table, mask, e.id())) return false;
    for (Series r : s.series()) if (!add(table, mask, r.id())) return false;
    return true;
  }

  private static boolean add(String[] table, int mask, String id) {
    int h = id.hashCode();
    for (int i = (h ^ h >>> 16) & mask; ; i = (i + 1) & mask) {
      String x = table[i];
      if (x == null) {
        table[i] = id;
        return true;
      }
      if (x.equals(id)) return false;
    }
  }

  private static final byte[] BEGIN_VCALENDAR = ascii("BEGIN:VCALENDAR\r\nPRODID:" + PRODID + "\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
  private static final byte[] END_VCALENDAR = ascii("END:VCALENDAR\r\n");

  /** The lines of a VCALENDAR before its VTIMEZONEs; {@code name} is the calendar's name, not yet a TEXT value. */
  static void head(IcsOut out, IcsOut scratch, String name, String zone) {
    out.bytes(BEGIN_VCALENDAR);
    scratch.reset();
    scratch.bytes(X_WR_CALNAME);
    scratch.text(name);
    scratch.endLine();
    scratch.bytes(X_WR_TIMEZONE);
    scratch.str(zone);
    scratch.endLine();
    scratch.foldInto(0, out);
    scratch.foldInto(1, out);
  }

  static String calendarName(Schedule s) {
    return "Schedule " + (s.patient() == null ? s.plan() : s.patient() + " (" + s.plan() + ")");
  }

  /** The instants the calendar's VTIMEZONE must cover: every event and series, a day's margin either side. */
  static Instant[] span(Schedule s) {
    ZoneId z = s.timezone();
    // epoch seconds and nanos, without an Instant per event
    long minS = Long.MAX_VALUE, maxS = Long.MIN_VALUE;
    int minN = 0, maxN = 0;
    boolean any = false;
    for (Event e : s.events()) {
      ZonedDateTime a = e.start(), b = e.end();
      long sa = a.toEpochSecond(), sb = b.toEpochSecond();
      int na = a.getNano(), nb = b.getNano();
      if (sa < minS || sa == minS && na < minN) {
        minS = sa;
        minN = na;
      }
      if (sb > maxS || sb == maxS && nb > maxN) {
        maxS = sb;
        maxN = nb;
      }
      any = true;
    }
    Instant min = any ? Instant.ofEpochSecond(minS, minN) : null, max = any ? Instant.ofEpochSecond(maxS, maxN) : null;
    for (Series r : s.series()) {
      Instant a = r.allDay() ? r.startDate().atStartOfDay(z).toInstant() : r.start().toInstant();
      min = min(min, a);
      max = max(max, r.until().plusDays(2).atStartOfDay(z).toInstant());
    }
    if (min == null) {
      min = s.planEnd().atStartOfDay(z).toInstant();
      max = min;
    }
    return new Instant[] {min.minusSeconds(86_400), max.plusSeconds(86_400)};
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  // ------------------------------------------------------------------ events

  /** What every event of one calendar shares, as bytes, and the buffers it is written with. */
  static final class Cal {
    final Schedule s;
    final Options o;
    final boolean full;
    /** The calendar. */
    final IcsOut out;
    /** One event's content lines, unfolded. */
    final IcsOut ev = new IcsOut(2048);
    final byte[] uidSuffix, clinicUidSuffix, stamp, dtstart, dtend, organizer, location;
    /** True when one of those holds a line feed (see {@link IcsOut#lineFeed}). */
    boolean lineFeed;
    /**
     * True while every part written so far is the same as the earlier calendar's, DTSTAMP lines
     * left out (see {@link #render}); {@link #at} is where the earlier calendar's next part starts.
     */
    boolean same;
    int at;
    /**
     * True while the earlier calendar ({@link #old}) is not parsed: each event is then taken as the
     * earlier calendar's next one only when it reads the same, and the first that does not parses it.
     */
    boolean lazy;
    /** The earlier calendar's bytes, or null. */
    byte[] old;
    /** The place of the earlier calendar's event at {@link #at}, among its events. */
    int next;
    final String uidSuffixText, clinicUidSuffixText;

    Cal(Schedule s, Options o, IcsOut out) {
      this.s = s;
      this.o = o;
      this.out = out;
      this.full = o.detail() == Detail.FULL;
      String zone = s.timezone().getId();
      uidSuffixText = "@" + s.plan() + ".kplan";
      clinicUidSuffixText = "@" + s.plan() + ".clinic.kplan";
      uidSuffix = utf8(uidSuffixText);
      clinicUidSuffix = utf8(clinicUidSuffixText);
      stamp = utf8("DTSTAMP:" + Ics.utc(o.now()));
      dtstart = utf8("DTSTART;TZID=" + zone + ":");
      dtend = utf8("DTEND;TZID=" + zone + ":");
      organizer = utf8(organizer(o));
      location = full && o.clinicName() != null ? utf8("LOCATION:" + text(o.clinicName())) : null;
    }

    private byte[] utf8(String s) {
      IcsOut b = new IcsOut(s.length() * 3);
      b.str(s);
      lineFeed |= b.lineFeed;
      return b.toByteArray();
    }
  }

  private static final byte[] BEGIN_VEVENT = ascii("BEGIN:VEVENT");
  private static final byte[] END_VEVENT = ascii("END:VEVENT");
  private static final byte[] UID = ascii("UID:");
  private static final byte[] SUMMARY = ascii("SUMMARY:");
  private static final byte[] DESCRIPTION = ascii("DESCRIPTION:");
  private static final byte[] SEQUENCE = ascii("SEQUENCE:");
  private static final byte[] RRULE = ascii("RRULE:");
  private static final byte[] STATUS = ascii("STATUS:CONFIRMED");
  private static final byte[] X_WR_CALNAME = ascii("X-WR-CALNAME:");
  private static final byte[] X_WR_TIMEZONE = ascii("X-WR-TIMEZONE:");
  private static final byte[] DTSTART_DATE = ascii("DTSTART;VALUE=DATE:");
  private static final byte[] DTEND_DATE = ascii("DTEND;VALUE=DATE:");
  private static final byte[] EXDATE_DATE = ascii("EXDATE;VALUE=DATE:");
  private static final byte[] ESCORT_LINE = ascii("DESCRIPTION:" + ESCORT_TEXT);
  private static final byte[][] CATEGORIES = new byte[EventKind.values().length][];
  private static final byte[][] TRANSP = new byte[EventKind.values().length][];

  static {
    for (EventKind k : EventKind.values()) {
      CATEGORIES[k.ordinal()] = ascii("CATEGORIES:" + text(category(k)));
      TRANSP[k.ordinal()] = ascii("TRANSP:" + transparency(k));
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Writes one event's VEVENT. {@code clinic} is the clinic-wide view: the patient reference leads
   * the SUMMARY, the UID names the clinic view, and there are no reminders.
   */
  static void event(Cal c, Event e, boolean clinic) {
    Schedule s = c.s;
    boolean full = c.full;
    IcsOut l = begin(c, e.id(), clinic ? c.clinicUidSuffix : c.uidSuffix);
    l.bytes(c.dtstart);
    l.local(e.start().toLocalDateTime());
    l.endLine();
    if (e.end().isAfter(e.start())) {
      l.bytes(c.dtend);
      l.local(e.end().toLocalDateTime());
      l.endLine();
    }
    l.bytes(SUMMARY);
    if (clinic && s.patient() != null) l.text(s.patient() + " · " + (full ? e.title() : neutral(e.kind(), e.category(), e.session())));
    else if (full) l.text(e.title());
    else neutral(l, e.kind(), e.category(), e.session());
    l.endLine();
    if (full) {
      l.bytes(DESCRIPTION);
      l.text(fullDescription(s, e));
      l.endLine();
      if (c.location != null) {
        l.bytes(c.location);
        l.endLine();
      }
    } else if (e.kind() == EventKind.KETAMINE && !clinic) {
      l.bytes(ESCORT_LINE);
      l.endLine();
    }
    common(c, e.kind());
    if (!clinic) alarms(e, l);
    l.bytes(END_VEVENT);
    l.endLine();
    emit(c, e.id(), clinic);
  }

  /** CATEGORIES, STATUS, TRANSP and ORGANIZER. */
  private static void common(Cal c, EventKind k) {
    IcsOut l = c.ev;
    l.bytes(CATEGORIES[k.ordinal()]);
    l.endLine();
    l.bytes(STATUS);
    l.endLine();
    l.bytes(TRANSP[k.ordinal()]);
    l.endLine();
    l.bytes(c.organizer);
    l.endLine();
  }

  /** Copies the event out of the scratch buffer, folded, with SEQUENCE after DTSTAMP (from the prior calendar and the event's fingerprint). */
  private static void emit(Cal c, String id, boolean clinic) {
    IcsPrior prior = c.o.prior();
    if (c.lazy) {
      if (c.same && next(c)) return;
      // from here on, over the parsed calendar; the events taken so far are what it would give
      // unless UIDs repeat, and then the whole calendar is rendered again over the parsed one
      c.lazy = false;
      if (c.next > 0 && !prior.uniqueUids()) throw new Unparsed();
    }
    IcsPrior.Entry before = null;
    if (prior.size() != 0) {
      // the earlier calendar's next event is most often this one: then its UID tells it without a lookup
      IcsPrior.Entry next = c.same ? prior.at(c.next, c.at) : null;
      String suffix = clinic ? c.clinicUidSuffixText : c.uidSuffixText;
      if (next != null && next.uid.length() == id.length() + suffix.length() && next.uid.startsWith(id) && next.uid.endsWith(suffix)) {
        before = next;
      } else {
        before = prior.entry(uid(id, c.s.plan(), clinic));
      }
    }
    IcsOut out = c.out;
    int start = out.len;
    copyOut(c.ev, out, before == null ? 0 : before.sequence);
    if (c.same) {
      // the earlier calendar's next event is this one and reads the same, SEQUENCE included: then
      // the fingerprints agree too (they leave out only DTSTAMP and SEQUENCE lines)
      if (before != null && before.from == c.at && !c.ev.lineFeed && !c.lineFeed
          && IcsFiles.sameLines(prior.data(), before.from, before.to, out.buf, start, out.len, false)) {
        c.at = before.to;
        c.next = before.index + 1;
        return;
      }
      c.same = false;
    }
    // SEQUENCE stays when the event is as before (the same fingerprint). Most are, and folded the
    // same way: comparing the bytes just written with the earlier event's tells it without a
    // fingerprint of either. Only when they differ, fingerprint (they may still agree unfolded).
    if (before != null && (c.ev.lineFeed || c.lineFeed || !prior.sameEvent(before, out.buf, start, out.len))) {
      int seq = prior.sequence(before, IcsPrior.fingerprint(c.ev));
      if (seq != before.sequence) {
        out.len = start;
        copyOut(c.ev, out, seq);
      }
    }
  }

  /**
   * Copies the event out when the earlier calendar, not parsed, holds at {@link Cal#at} an event
   * with the same bytes but for its DTSTAMP and SEQUENCE lines: then the parse would find that
   * event there, with this UID, and keep its SEQUENCE, which is written. False, with nothing
   * written, otherwise. Stricter than {@link IcsFiles#sameLines}: DTSTAMP and SEQUENCE must be
   * single lines where kplan writes them, and the rest the same bytes, folded the same way.
   */
  private static boolean next(Cal c) {
    IcsOut l = c.ev, out = c.out;
    if (l.lineFeed || c.lineFeed || l.lines < 3) return false;
    byte[] old = c.old;
    int n = old.length, start = out.len;
    // BEGIN and UID, folded as the earlier calendar's
    l.foldInto(0, out);
    l.foldInto(1, out);
    int p = c.at + (out.len - start);
    if (p > n || !java.util.Arrays.equals(old, c.at, p, out.buf, start, out.len)) {
      out.len = start;
      return false;
    }
    // the earlier DTSTAMP line, whatever its time, and its SEQUENCE line: digits alone
    int seqLine = lineAfter(old, p, n, DTSTAMP);
    int seqEnd = seqLine < 0 ? -1 : lineAfter(old, seqLine, n, SEQUENCE);
    int seq = 0, digits = seqEnd - 2 - (seqLine + SEQUENCE.length);
    if (seqEnd < 0 || digits < 1 || digits > 9 || old[seqEnd - 2] != '\r') {
      out.len = start;
      return false;
    }
    for (int i = seqLine + SEQUENCE.length; i < seqEnd - 2; i++) {
      int d = old[i] - '0';
      if (d < 0 || d > 9) {
        out.len = start;
        return false;
      }
      seq = seq * 10 + d;
    }
    l.foldInto(2, out);
    int from = out.len;
    out.bytes(SEQUENCE);
    out.integer(seq);
    out.crlf();
    for (int i = 3, m = l.lines; i < m; i++) l.foldInto(i, out);
    int end = seqLine + (out.len - from);
    if (end > n || (end < n && (old[end] == ' ' || old[end] == '\t'))
        || !java.util.Arrays.equals(old, seqLine, end, out.buf, from, out.len)) {
      out.len = start;
      return false;
    }
    c.at = end;
    c.next++;
    return true;
  }

  private static final byte[] DTSTAMP = ascii("DTSTAMP:");

  /**
   * Where the line after {@code d[from, ...)} starts, when that line starts with {@code prefix},
   * ends with a line feed and is not continued on the next; else -1.
   */
  private static int lineAfter(byte[] d, int from, int n, byte[] prefix) {
    if (n - from < prefix.length || !java.util.Arrays.equals(d, from, from + prefix.length, prefix, 0, prefix.length)) return -1;
    int i = from + prefix.length;
    while (i < n && d[i] != '\n') i++;
    if (i >= n - 1 || d[i + 1] == ' ' || d[i + 1] == '\t') return -1;
    return i + 1;
  }

  /** The event in {@code l}, folded, with SEQUENCE after DTSTAMP. */
  private static void copyOut(IcsOut l, IcsOut out, int seq) {
    for (int i = 0; i < 3; i++) l.foldInto(i, out);
    out.bytes(SEQUENCE);
    out.integer(seq);
    out.crlf();
    for (int i = 3, n = l.lines; i < n; i++) l.foldInto(i, out);
  }

  /** Starts a VEVENT in the scratch buffer: BEGIN, UID ({@code id} and {@code uidSuffix}) and DTSTAMP, the three lines SEQUENCE follows. */
  private static IcsOut begin(Cal c, String id, byte[] uidSuffix) {
    IcsOut l = c.ev;
    l.reset();
    l.bytes(BEGIN_VEVENT);
    l.endLine();
    l.bytes(UID);
    l.str(id);
    l.bytes(uidSuffix);
    l.endLine();
    l.bytes(c.stamp);
    l.endLine();
    return l;
  }

  static String uid(String id, String plan, boolean clinic) {
    return id + "@" + plan + (clinic ? ".clinic.kplan" : ".kplan");
  }

  private static void series(Cal c, Series r) {
    Schedule s = c.s;
    boolean full = c.full;
    IcsOut l = begin(c, r.id(), c.uidSuffix);
    if (r.allDay()) {
      l.bytes(DTSTART_DATE);
      l.date(r.startDate());
      l.endLine();
      long days = Math.max(1, r.duration().days());
      l.bytes(DTEND_DATE);
      l.date(r.startDate().plusDays(days));
      l.endLine();
    } else {
      l.bytes(c.dtstart);
      l.local(r.start().toLocalDateTime());
      l.endLine();
      ZonedDateTime end = r.duration().addTo(r.start());
      if (end.isAfter(r.start())) {
        l.bytes(c.dtend);
        l.local(end.toLocalDateTime());
        l.endLine();
      }
    }
    l.bytes(RRULE);
    l.str(r.rrule());
    l.endLine();
    if (!r.exdates().isEmpty()) {
      if (r.allDay()) {
        l.bytes(EXDATE_DATE);
      } else {
        l.str("EXDATE;TZID=" + s.timezone().getId() + ":");
      }
      boolean first = true;
      for (ZonedDateTime x : r.exdates()) {
        if (!first) l.ascii(',');
        first = false;
        if (r.allDay()) l.date(x.toLocalDate());
        else l.local(x.withZoneSameInstant(s.timezone()).toLocalDateTime());
      }
      l.endLine();
    }
    l.bytes(SUMMARY);
    if (full) l.text(r.title());
    else neutral(l, r.kind(), r.category(), null);
    l.endLine();
    if (full) {
      l.bytes(DESCRIPTION);
      l.text(r.title() + (r.category() == null ? "" : "\nKind: " + r.category()) + "\nPlan " + s.plan() + ", series " + r.id());
      l.endLine();
      if (c.location != null && r.kind() != EventKind.HABIT) {
        l.bytes(c.location);
        l.endLine();
      }
    }
    common(c, r.kind());
    l.bytes(END_VEVENT);
    l.endLine();
    emit(c, r.id(), false);
  }

  /** A TEXT value without leading or trailing white space (which some readers, ical4j among them, drop). */
  static String text(String s) {
    if (s == ESCORT) return ESCORT_TEXT;
    return plain(s) ? s : Ics.text(Ics.clean(s).strip());
  }

  /**
   * Printable ASCII with nothing to escape and no white space at either end: {@link #text} would
   * return it unchanged (the common case, checked without building three new strings).
   */
  private static boolean plain(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '\\' || c == ';' || c == ',') return false;
    }
    return true;
  }

  private static String organizer(Options o) {
    String cn = o.detail() == Detail.FULL && o.clinicName() != null ? ";CN=" + Ics.param(o.clinicName()) : "";
    return "ORGANIZER" + cn + ":" + o.organizer();
  }

  private static final byte[] BEGIN_VALARM = ascii("BEGIN:VALARM");
  private static final byte[] END_VALARM = ascii("END:VALARM");
  private static final byte[] ACTION = ascii("ACTION:DISPLAY");
  private static final byte[] TRIGGER_DAY = ascii("TRIGGER;RELATED=START:-P1D");
  private static final byte[] TRIGGER_HOUR = ascii("TRIGGER;RELATED=START:-PT1H");
  private static final byte[] TOMORROW = ascii("DESCRIPTION:Tomorrow at ");
  private static final byte[] TOMORROW_END = ascii(": treatment session. " + ESCORT_TEXT);
  /** text("In one hour, at "): the comma escaped. */
  private static final byte[] IN_ONE_HOUR = ascii("DESCRIPTION:In one hour\\, at ");
  private static final byte[] IN_ONE_HOUR_END = ascii(": integration therapy.");

  private static void alarms(Event e, IcsOut l) {
    EventKind k = e.kind();
    if (k != EventKind.KETAMINE && k != EventKind.THERAPY) return;
    boolean dosing = k == EventKind.KETAMINE;
    l.bytes(BEGIN_VALARM);
    l.endLine();
    l.bytes(ACTION);
    l.endLine();
    l.bytes(dosing ? TRIGGER_DAY : TRIGGER_HOUR);
    l.endLine();
    // the same as text(...) of the whole: "Tomorrow at hh:mm: treatment session. " + ESCORT, or
    // "In one hour, at hh:mm: integration therapy.", whose only character to escape is the comma
    l.bytes(dosing ? TOMORROW : IN_ONE_HOUR);
    l.hourMinute(e.start().getHour(), e.start().getMinute());
    l.bytes(dosing ? TOMORROW_END : IN_ONE_HOUR_END);
    l.endLine();
    l.bytes(END_VALARM);
    l.endLine();
  }

  private static String fullDescription(Schedule s, Event e) {
    List<String> d = new ArrayList<>();
    d.add(e.title());
    if (e.phase() != null) d.add("Phase: " + e.phase());
    if (e.dose() != null) d.add("Dose: " + e.dose());
    if (e.kind() == EventKind.KETAMINE && e.category() != null) d.add("Route: " + e.category());
    else if (e.category() != null) d.add("Kind: " + e.category());
    if (e.dosingEnd() != null) d.add("Dosing ends " + HM.format(e.dosingEnd()) + "; monitoring until " + HM.format(e.end()));
    if (e.window() != null) d.add("Window: " + DAY.format(e.window().start()) + " to " + DAY.format(e.window().end()));
    for (String n : e.notes()) d.add("Note: " + n);
    if (e.kind() == EventKind.KETAMINE) d.add(ESCORT);
    d.add("Plan " + s.plan() + (s.patient() == null ? "" : ", patient " + s.patient()) + ", event " + e.id());
    return String.join("\n", d);
  }

  /** CATEGORIES by kind; the dosing kind is "Treatment", which names no drug. */
  static String category(EventKind k) {
    return switch (k) {
      case KETAMINE -> "Treatment";
      case THERAPY -> "Therapy";
      case TASK -> "Task";
      case ASSESSMENT -> "Assessment";
      case FOLLOW_UP -> "Follow-up";
      case HABIT -> "Habit";
    };
  }

  /** Appointments block time; tasks (inside a session) and habits do not. */
  static String transparency(EventKind k) {
    return k == EventKind.TASK || k == EventKind.HABIT ? "TRANSPARENT" : "OPAQUE";
  }

  private static final byte[] TREATMENT_SESSION = ascii("Treatment session");
  private static final byte[] INTEGRATION_THERAPY = ascii("Integration therapy");
  private static final byte[] AFTER_SESSION = ascii(" (after session ");
  private static final byte[] SESSION = ascii("Session ");

  /** {@code text(neutral(k, category, session))}, written without building the string. */
  static void neutral(IcsOut l, EventKind k, String category, Integer session) {
    switch (k) {
      case KETAMINE -> {
        l.bytes(TREATMENT_SESSION);
        if (session != null) {
          l.ascii(' ');
          l.integer(session);
        }
      }
      case THERAPY -> {
        l.bytes(INTEGRATION_THERAPY);
        if (session != null) {
          l.bytes(AFTER_SESSION);
          l.integer(session);
          l.ascii(')');
        }
      }
      case TASK -> {
        if (session != null) {
          l.bytes(SESSION);
          l.integer(session);
          l.ascii(':');
          l.ascii(' ');
        }
        l.bytes(TASK_TEXT[taskIndex(category)]);
      }
      default -> l.text(neutral(k, category, session)); // a fixed word, by kind and category
    }
  }

  private static final String[] TASK_CATEGORIES = {"vitals", "suicide-screening", "observation", "escort", "assessment", "preparation", ""};
  /** text() of the task label of each of {@link #TASK_CATEGORIES}, the last for any other category. */
  private static final byte[][] TASK_TEXT = new byte[TASK_CATEGORIES.length][];

  static {
    for (int i = 0; i < TASK_CATEGORIES.length; i++) {
      TASK_TEXT[i] = ascii(text(neutral(EventKind.TASK, i == TASK_CATEGORIES.length - 1 ? null : TASK_CATEGORIES[i], null)));
    }
  }

  private static int taskIndex(String category) {
    if (category != null) {
      for (int i = 0; i < TASK_CATEGORIES.length - 1; i++) if (TASK_CATEGORIES[i].equals(category)) return i;
    }
    return TASK_CATEGORIES.length - 1;
  }

  /** The minimal-detail title: by kind and the plan's closed vocabulary of categories, never the plan's own text. */
  static String neutral(EventKind k, String category, Integer session) {
    String c = category == null ? "" : category;
    return switch (k) {
      case KETAMINE -> "Treatment session" + (session == null ? "" : " " + session);
      case THERAPY -> "Integration therapy" + (session == null ? "" : " (after session " + session + ")");
      case TASK -> (session == null ? "" : "Session " + session + ": ") + switch (c) {
        case "vitals" -> "vital signs";
        case "suicide-screening" -> "check-in questions";
        case "observation" -> "observation";
        case "escort" -> "escort home, no driving until tomorrow";
        case "assessment" -> "questionnaire";
        case "preparation" -> "preparation";
        default -> "clinic task";
      };
      case ASSESSMENT -> "Assessment";
      case FOLLOW_UP -> switch (c) {
        case "family" -> "Family session";
        case "psychiatry" -> "Clinician review";
        case "assessment" -> "Assessment";
        case "step-down" -> "Care planning";
        case "support-group" -> "Support group";
        case "preparation" -> "Preparation session";
        case "therapy" -> "Therapy session";
        default -> "Follow-up appointment";
      };
      case HABIT -> switch (c) {
        case "sleep" -> "Sleep routine";
        case "activity" -> "Physical activity";
        case "nutrition" -> "Healthy eating";
        case "mindfulness" -> "Mindfulness practice";
        case "substance-avoidance" -> "Alcohol- and drug-free day";
        default -> "Daily habit";
      };
    };
  }
}
