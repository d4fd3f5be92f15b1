package org.kplan.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
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
    StringBuilder out = new StringBuilder(64 * 1024);
    List<String> head = new ArrayList<>();
    head.add("BEGIN:VCALENDAR");
    head.add("PRODID:" + PRODID);
    head.add("VERSION:2.0");
    head.add("CALSCALE:GREGORIAN");
    head.add("METHOD:PUBLISH");
    head.add("X-WR-CALNAME:" + text(calendarName(s)));
    head.add("X-WR-TIMEZONE:" + s.timezone().getId());
    for (String l : head) Ics.fold(l, out);
    Instant[] span = span(s);
    for (String l : VTimezones.lines(s.timezone(), span[0], span[1])) Ics.fold(l, out);
    for (Event e : s.events()) {
      if (e.series() != null) continue; // the series master covers it
      for (String l : event(s, e, o, false)) Ics.fold(l, out);
    }
    for (Series r : s.series()) {
      for (String l : series(s, r, o)) Ics.fold(l, out);
    }
    Ics.fold("END:VCALENDAR", out);
    return out.toString();
  }

  static String calendarName(Schedule s) {
    return "Schedule " + (s.patient() == null ? s.plan() : s.patient() + " (" + s.plan() + ")");
  }

  /** The instants the calendar's VTIMEZONE must cover: every event and series, a day's margin either side. */
  static Instant[] span(Schedule s) {
    ZoneId z = s.timezone();
    Instant min = null, max = null;
    for (Event e : s.events()) {
      min = min(min, e.start().toInstant());
      max = max(max, e.end().toInstant());
    }
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

  /**
   * The content lines of one event's VEVENT. {@code clinic} is the clinic-wide view: the patient
   * reference leads the SUMMARY, the UID names the clinic view, and there are no reminders.
   */
  static List<String> event(Schedule s, Event e, Options o, boolean clinic) {
    boolean full = o.detail() == Detail.FULL;
    String zone = s.timezone().getId();
    List<String> l = new ArrayList<>();
    String uid = uid(e.id(), s.plan(), clinic);
    l.add("BEGIN:VEVENT");
    l.add("UID:" + uid);
    l.add("DTSTAMP:" + Ics.utc(o.now()));
    l.add("DTSTART;TZID=" + zone + ":" + Ics.local(e.start().toLocalDateTime()));
    if (e.end().isAfter(e.start())) l.add("DTEND;TZID=" + zone + ":" + Ics.local(e.end().toLocalDateTime()));
    String summary = full ? e.title() : neutral(e.kind(), e.category(), e.session());
    if (clinic && s.patient() != null) summary = s.patient() + " · " + summary;
    l.add("SUMMARY:" + text(summary));
    String description = full ? fullDescription(s, e) : (e.kind() == EventKind.KETAMINE && !clinic ? ESCORT : null);
    if (description != null) l.add("DESCRIPTION:" + text(description));
    if (full && o.clinicName() != null) l.add("LOCATION:" + text(o.clinicName()));
    l.add("CATEGORIES:" + text(category(e.kind())));
    l.add("STATUS:CONFIRMED");
    l.add("TRANSP:" + transparency(e.kind()));
    l.add(organizer(o));
    if (!clinic) alarms(e, l);
    l.add("END:VEVENT");
    return withSequence(l, uid, o.prior());
  }

  static String uid(String id, String plan, boolean clinic) {
    return id + "@" + plan + (clinic ? ".clinic.kplan" : ".kplan");
  }

  private static List<String> series(Schedule s, Series r, Options o) {
    boolean full = o.detail() == Detail.FULL;
    String zone = s.timezone().getId();
    List<String> l = new ArrayList<>();
    String uid = uid(r.id(), s.plan(), false);
    l.add("BEGIN:VEVENT");
    l.add("UID:" + uid);
    l.add("DTSTAMP:" + Ics.utc(o.now()));
    if (r.allDay()) {
      l.add("DTSTART;VALUE=DATE:" + Ics.date(r.startDate()));
      long days = Math.max(1, r.duration().days());
      l.add("DTEND;VALUE=DATE:" + Ics.date(r.startDate().plusDays(days)));
    } else {
      l.add("DTSTART;TZID=" + zone + ":" + Ics.local(r.start().toLocalDateTime()));
      ZonedDateTime end = r.duration().addTo(r.start());
      if (end.isAfter(r.start())) l.add("DTEND;TZID=" + zone + ":" + Ics.local(end.toLocalDateTime()));
    }
    l.add("RRULE:" + r.rrule());
    if (!r.exdates().isEmpty()) {
      if (r.allDay()) {
        l.add("EXDATE;VALUE=DATE:" + r.exdates().stream().map(x -> Ics.date(x.toLocalDate())).collect(Collectors.joining(",")));
      } else {
        l.add("EXDATE;TZID=" + zone + ":" + r.exdates().stream().map(x -> Ics.local(x.withZoneSameInstant(s.timezone()).toLocalDateTime()))
            .collect(Collectors.joining(",")));
      }
    }
    l.add("SUMMARY:" + text(full ? r.title() : neutral(r.kind(), r.category(), null)));
    if (full) l.add("DESCRIPTION:" + text(r.title() + (r.category() == null ? "" : "\nKind: " + r.category())
        + "\nPlan " + s.plan() + ", series " + r.id()));
    if (full && o.clinicName() != null && r.kind() != EventKind.HABIT) l.add("LOCATION:" + text(o.clinicName()));
    l.add("CATEGORIES:" + text(category(r.kind())));
    l.add("STATUS:CONFIRMED");
    l.add("TRANSP:" + transparency(r.kind()));
    l.add(organizer(o));
    l.add("END:VEVENT");
    return withSequence(l, uid, o.prior());
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

  /** Inserts SEQUENCE after DTSTAMP, from the prior calendar and this event's fingerprint. */
  private static List<String> withSequence(List<String> l, String uid, IcsPrior prior) {
    int seq = prior.sequence(uid, l);
    l.add(3, "SEQUENCE:" + seq);
    return l;
  }

  private static String organizer(Options o) {
    String cn = o.detail() == Detail.FULL && o.clinicName() != null ? ";CN=" + Ics.param(o.clinicName()) : "";
    return "ORGANIZER" + cn + ":" + o.organizer();
  }

  private static void alarms(Event e, List<String> l) {
    if (e.kind() == EventKind.KETAMINE) {
      // the same as text(...) of the whole: the prefix holds nothing to escape and ESCORT ends the line
      alarm(l, "-P1D", "Tomorrow at " + Ics.hourMinute(e.start().getHour(), e.start().getMinute()) + ": treatment session. " + ESCORT_TEXT);
    } else if (e.kind() == EventKind.THERAPY) {
      alarm(l, "-PT1H", text("In one hour, at " + Ics.hourMinute(e.start().getHour(), e.start().getMinute()) + ": integration therapy."));
    }
  }

  /** {@code escaped}: a TEXT value, already through {@link #text}. */
  private static void alarm(List<String> l, String trigger, String escaped) {
    l.add("BEGIN:VALARM");
    l.add("ACTION:DISPLAY");
    l.add("TRIGGER;RELATED=START:" + trigger);
    l.add("DESCRIPTION:" + escaped);
    l.add("END:VALARM");
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
