package org.kplan.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.Milestone;
import org.kplan.plan.Plan;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.FollowUp;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.Plan.Hours;
import org.kplan.plan.Plan.Ketamine;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Plan.Recurrence;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.Plan.Therapy;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;

/**
 * The scheduling engine: a plan and {@code now} in, a {@link Schedule} out. Pure: it reads no
 * files, prints nothing and never looks at the clock. Public holidays come through the
 * {@link HolidaySource} the caller passes.
 */
public final class Engine {
  /** How far past its preferred date a dosing session may move before it counts as unplaceable. */
  public static final int MAX_MOVE_DAYS = 42;
  /** Most events a schedule may hold. */
  public static final int MAX_EVENTS = 20_000;
  /** Grid on which moved sessions and therapy are tried, in minutes. */
  static final int STEP_MINUTES = 15;

  /**
   * The patterns {@link #describe} and {@link #rrule} write by hand for years 0 to 9999 (all a
   * plan can reach); other years go through these formatters. A formatter with day names loads
   * the CLDR locale data, some 20 ms at start-up, so they are made only when needed.
   */
  private static final class Formats {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);
    static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
  }

  /** English short day names, as {@code EEE} writes them in {@link Locale#ENGLISH}, Monday first. */
  private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private final Plan plan;
  private final Instant now;
  private final ZoneId zone;
  private final ClinicCalendar cal;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Session> sessions = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final List<Series> series = new ArrayList<>();
  /** Where the schedule first went over {@link #MAX_EVENTS} (a plan path), or null. */
  private String overflow;
  /** Busy spans that other items must not overlap: dosing occupancy, therapy, follow-ups. */
  private final Busy busy = new Busy();

  private Engine(Plan plan, Instant now, HolidaySource holidays) {
    this.plan = plan;
    this.now = now;
    this.zone = plan.timezone();
    this.cal = new ClinicCalendar(plan.clinic(), holidays);
  }

  public static Schedule schedule(Plan plan, Instant now) {
    return schedule(plan, now, HolidaySource.NONE);
  }

  /**
   * Schedules {@code plan}. The plan must have a start date, a time zone and a ketamine section
   * (templates need a start from the caller).
   */
  public static Schedule schedule(Plan plan, Instant now, HolidaySource holidays) {
    Objects.requireNonNull(plan.start(), "plan start");
    Objects.requireNonNull(plan.timezone(), "plan timezone");
    Objects.requireNonNull(plan.ketamine(), "plan ketamine");
    return new Engine(plan, now, holidays).run();
  }

  /** Series by id (a plain comparator: a method-reference comparator spins a class at start-up). */
  private static final Comparator<Series> SERIES_ORDER = new Comparator<>() {
    @Override
    public int compare(Series a, Series b) {
      return a.id().compareTo(b.id());
    }
  };

  /** A placed dosing session. */
  private record Session(int number, Phase phase, ZonedDateTime start, ZonedDateTime dosingEnd, ZonedDateTime end, Dose dose) {}

  private Schedule run() {
    placeSessions();
    placeTasks();
    placeTherapy();
    // follow-ups that do not depend on plan-end first, then plan-end, then the rest
    List<FollowUp> later = new ArrayList<>();
    for (FollowUp f : plan.followUps()) {
      if (dependsOnPlanEnd(f)) later.add(f);
      else placeFollowUp(f, null);
    }
    LocalDate planEnd = lastEventDate();
    for (FollowUp f : later) placeFollowUp(f, planEnd);
    planEnd = lastEventDate();
    for (Habit h : plan.habits()) placeHabit(h, planEnd);
    if (!sessions.isEmpty() && sessions.get(0).start.toInstant().isBefore(now)) {
      findings.add(new Finding(Codes.PLN_PAST, Severity.INFO,
          "the first dosing session (" + describe(sessions.get(0).start) + ") is before now (" + now + ")",
          plan.pos("start"), "ket-1"));
    }
    if (overflow != null) {
      findings.add(new Finding(Codes.PLN_BAD_VALUE, Severity.ERROR,
          "the plan makes more than " + MAX_EVENTS + " events (a schedule may have at most " + MAX_EVENTS
              + "); scheduling stopped here", plan.pos(overflow), null));
    }
    sortEvents();
    series.sort(SERIES_ORDER);
    String patient = plan.patient() == null ? null : plan.patient().ref();
    List<Finding> sorted = new ArrayList<>(findings);
    java.util.Collections.sort(sorted);
    return new Schedule(plan.id(), patient, zone, planEnd, events, series, sorted);
  }

  /**
   * Sorts {@link #events} in {@link Event#ORDER}, with each start's epoch second computed once
   * instead of twice per comparison.
   */
  private void sortEvents() {
    int n = events.size();
    Keyed[] k = new Keyed[n];
    for (int i = 0; i < n; i++) k[i] = new Keyed(events.get(i));
    java.util.Arrays.sort(k, Keyed.ORDER);
    for (int i = 0; i < n; i++) events.set(i, k[i].event);
  }

  /** An event with its start as epoch second and nano: {@link Event#ORDER} on precomputed keys. */
  private static final class Keyed {
    static final Comparator<Keyed> ORDER = new Comparator<>() {
      @Override
      public int compare(Keyed a, Keyed b) {
        int c = Long.compare(a.second, b.second);
        if (c == 0) c = Integer.compare(a.nano, b.nano);
        if (c == 0) c = a.event.kind().compareTo(b.event.kind());
        if (c == 0) c = a.event.id().compareTo(b.event.id());
        return c;
      }
    };
    final Event event;
    final long second;
    final int nano;

    Keyed(Event e) {
      event = e;
      second = e.start().toEpochSecond();
      nano = e.start().getNano();
    }
  }

  /**
   * True when the schedule already holds more than {@link #MAX_EVENTS} events: nothing more is
   * placed (a hostile or mistaken plan must not cost minutes and gigabytes), and the schedule ends
   * with an error finding at {@code path}.
   */
  private boolean full(String path) {
    if (events.size() <= MAX_EVENTS) return false;
    if (overflow == null) overflow = path;
    return true;
  }

  /** True when {@code s} was cut short because its plan makes more than {@link #MAX_EVENTS} events. */
  public static boolean tooManyEvents(Schedule s) {
    return s.events().size() > MAX_EVENTS;
  }

  private LocalDate lastEventDate() {
    LocalDate d = plan.start();
    for (Event e : events) if (e.end().toLocalDate().isAfter(d)) d = e.end().toLocalDate();
    return d;
  }

  // ------------------------------------------------------------------ dosing sessions

  private void placeSessions() {
    Ketamine k = plan.ketamine();
    Session last = null;
    int number = 0;
    for (Phase ph : k.phases()) {
      List<DayOfWeek> days = ph.days() != null ? ph.days() : k.days();
      if (ph.perWeek() != null && (days == null || days.size() < ph.perWeek())) days = spread(ph.perWeek());
      LocalTime time = ph.time() != null ? ph.time() : k.time();
      Dose dose = ph.dose() != null ? ph.dose() : k.dose();
      LocalDate nominal = null;
      Map<LocalDate, Integer> perWeek = new HashMap<>();
      List<LocalDate> inPhase = new ArrayList<>();
      String phasePath = "ketamine.phases[" + ph.index() + "]";
      for (int i = 0; i < ph.sessions(); i++) {
        number++;
        if (ph.perWeek() != null) {
          LocalDate from = last == null ? plan.start() : last.start.toLocalDate().plusDays(1);
          if (nominal != null && !nominal.isBefore(from)) from = nominal.plusDays(1);
          nominal = nextPreferred(from, days, ph.perWeek(), perWeek);
          LocalDate week = weekOf(nominal);
          Integer had = perWeek.get(week);
          perWeek.put(week, had == null ? 1 : had + 1);
        } else {
          // one interval after the previous session as it was placed (so a moved session never
          // brings the next one closer than the interval)
          nominal = last == null ? plan.start() : last.start.toLocalDate().plusDays(ph.every().days());
          if (ph.days() != null && !ph.days().isEmpty()) {
            while (!ph.days().contains(nominal.getDayOfWeek())) nominal = nominal.plusDays(1);
          }
        }
        Session s = placeSession(number, ph, nominal, time, dose, last, phasePath, ph.perWeek() == null ? null : inPhase);
        if (s != null) {
          inPhase.add(s.start.toLocalDate());
          sessions.add(s);
          busy.add(s.start, s.end);
          last = s;
        }
      }
    }
  }

  /** Weekdays for a perWeek phase without days: 1 mon; 2 mon, thu; 3 mon, wed, fri; more fill the week. */
  static List<DayOfWeek> spread(int perWeek) {
    return switch (perWeek) {
      case 1 -> List.of(DayOfWeek.MONDAY);
      case 2 -> List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
      case 3 -> List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
      case 4 -> List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      case 5 -> List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      case 6 -> List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
      default -> List.of(DayOfWeek.values());
    };
  }

  private static LocalDate weekOf(LocalDate d) {
    return d.minusDays(d.getDayOfWeek().getValue() - 1L);
  }

  private static LocalDate nextPreferred(LocalDate from, List<DayOfWeek> days, int perWeek, Map<LocalDate, Integer> counts) {
    LocalDate d = from;
    for (int guard = 0; guard < 400; guard++, d = d.plusDays(1)) {
      if (days.contains(d.getDayOfWeek()) && counts.getOrDefault(weekOf(d), 0) < perWeek) return d;
    }
    return from;
  }

  /**
   * Places one dosing session from its preferred date. {@code rolling} (perWeek phases) holds the
   * dates of the phase's sessions so far: at most perWeek of them in any 7 calendar days.
   */
  private Session placeSession(int n, Phase ph, LocalDate nominal, LocalTime time, Dose dose, Session last, String phasePath,
      List<LocalDate> rolling) {
    Ketamine k = plan.ketamine();
    Duration dosing = k.dosing().elapsed();
    Duration monitoring = k.monitoring().elapsed();
    String why = null;
    ZonedDateTime preferred = null;
    for (int d = 0; d <= MAX_MOVE_DAYS; d++) {
      LocalDate date = nominal.plusDays(d);
      String closed = cal.closedReason(date);
      Hours h = cal.hours(date);
      LocalTime t0 = time != null ? time : (h != null ? h.open() : LocalTime.of(9, 0));
      if (preferred == null) preferred = local(date, t0).time;
      if (closed != null) {
        if (why == null) why = closed;
        continue;
      }
      for (LocalTime t = t0; ; ) {
        Local l = local(date, t);
        ZonedDateTime start = l.time;
        ZonedDateTime dosingEnd = PlanDuration.plus(start, dosing);
        ZonedDateTime end = PlanDuration.plus(dosingEnd, monitoring);
        String problem = null;
        if (!cal.fits(start, end)) {
          problem = "dosing and monitoring (" + describe(start).substring(15) + "-" + end.toLocalTime() + ") do not fit in clinic hours " + h;
        } else if (last != null && !date.isAfter(last.start.toLocalDate())) {
          problem = "session " + last.number + " is on the same day";
        } else if (last != null && k.minSpacing() != null && start.isBefore(k.minSpacing().addTo(last.start))) {
          problem = "less than " + k.minSpacing() + " after session " + last.number;
        } else if (last != null && start.isBefore(last.end)) {
          problem = "session " + last.number + " is still in monitoring";
        } else if (rolling != null && inLastWeek(rolling, date) >= ph.perWeek()) {
          problem = ph.perWeek() + " session" + (ph.perWeek() == 1 ? "" : "s") + " of " + ph.name() + " already in the 7 days up to " + date;
        }
        if (problem == null) {
          List<String> notes = new ArrayList<>();
          if (!start.equals(preferred)) notes.add("Moved from " + describe(preferred) + ": " + why);
          if (l.note != null) notes.add(l.note);
          Session s = new Session(n, ph, start, dosingEnd, end, dose);
          events.add(new Event("ket-" + n, EventKind.KETAMINE, "Ketamine session " + n + " (" + ph.name() + ")",
              start, end, ph.name(), n, dosingEnd, doseText(dose), null, k.route(), null, notes));
          return s;
        }
        if (why == null) why = problem;
        LocalTime next = t.plusMinutes(STEP_MINUTES);
        if (next.isBefore(t) || h == null || (h.close() != null && next.isAfter(h.close()))) break;
        t = next;
      }
    }
    findings.add(new Finding(Codes.KET_UNPLACEABLE, Severity.ERROR,
        "dosing session " + n + " (" + ph.name() + ") cannot be placed within " + MAX_MOVE_DAYS + " days of " + describe(preferred) + ": " + why,
        plan.pos(phasePath), "ket-" + n));
    return null;
  }

  /** How many of {@code dates} fall in the 7 calendar days up to and including {@code date}. */
  private static int inLastWeek(List<LocalDate> dates, LocalDate date) {
    // the dates are in order (each session is on a later day than the one before), so only the
    // last few can be in the week: count back from the end until one is a week or more earlier
    LocalDate weekBefore = date.minusDays(7);
    int n = 0;
    for (int i = dates.size() - 1; i >= 0; i--) {
      LocalDate d = dates.get(i);
      if (!d.isAfter(weekBefore)) break;
      if (!d.isAfter(date)) n++;
    }
    return n;
  }

  private String doseText(Dose dose) {
    if (dose == null) return null;
    if (!dose.perKg()) return dose.toString();
    BigDecimal w = plan.patient() == null ? null : plan.patient().weightKg();
    if (w == null) return dose + " (weight missing)";
    BigDecimal mg = dose.mgPerKg().multiply(w).setScale(1, RoundingMode.HALF_UP);
    return dose + " (" + mg.stripTrailingZeros().toPlainString() + " mg)";
  }

  /** A local date and time in the plan's zone, with a note when DST moved or disambiguated it. */
  private record Local(ZonedDateTime time, String note) {}

  private Local local(LocalDate date, LocalTime t) {
    LocalDateTime ldt = LocalDateTime.of(date, t);
    if (plainDay(date)) return new Local(ZonedDateTime.ofLocal(ldt, zone, null), null);
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(ldt);
    ZonedDateTime z = ZonedDateTime.ofLocal(ldt, zone, null);
    if (offsets.isEmpty()) {
      return new Local(z, "Local time " + t + " does not exist on " + date + " (clocks go forward); moved to " + z.toLocalTime());
    }
    if (offsets.size() > 1) {
      return new Local(z, "Local time " + t + " occurs twice on " + date + " (clocks go back); the earlier one (UTC" + z.getOffset() + ") is used");
    }
    return new Local(z, null);
  }

  /** Dates on which, and around which, the zone's offset does not change (see {@link #plainDay}). */
  private final Map<LocalDate, Boolean> plainDays = new HashMap<>();

  /**
   * True when no offset change of the zone lies within two days of {@code date}: every local time
   * of the date then exists once, with one offset, and {@link #local} needs no note (nor the
   * second zone lookup that finds that out).
   */
  private boolean plainDay(LocalDate date) {
    Boolean p = plainDays.get(date);
    if (p == null) {
      java.time.zone.ZoneRules rules = zone.getRules();
      if (rules.isFixedOffset()) {
        p = true;
      } else {
        long from = date.toEpochDay() * 86_400 - 2 * 86_400, to = date.toEpochDay() * 86_400 + 3 * 86_400;
        java.time.zone.ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(from));
        p = next == null || next.getInstant().getEpochSecond() > to;
      }
      plainDays.put(date, p);
    }
    return p;
  }

  // ------------------------------------------------------------------ per-session tasks

  private void placeTasks() {
    for (Session s : sessions) {
      for (SessionTask t : plan.ketamine().sessionTasks()) {
        if (full("ketamine.sessionTasks")) return;
        ZonedDateTime start = t.at().addTo(s.start);
        events.add(new Event("task-" + s.number + "-" + t.id(), EventKind.TASK, t.name(), start, t.duration().addTo(start),
            s.phase.name(), s.number, null, null, null, t.kind(), null, List.of()));
      }
    }
  }

  // ------------------------------------------------------------------ therapy

  private void placeTherapy() {
    Therapy th = plan.therapy();
    if (th == null || th.perSession() == 0) return;
    Duration dur = th.duration().elapsed();
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      Session next = i + 1 < sessions.size() ? sessions.get(i + 1) : null;
      ZonedDateTime wStart = th.windowFrom().addTo(s.start);
      ZonedDateTime wEnd = th.windowTo().addTo(s.start);
      Event.Window window = new Event.Window(wStart, wEnd);
      ZonedDateTime earliest = wStart.isBefore(s.end) ? s.end : wStart;
      ZonedDateTime latestEnd = next != null && next.start.isBefore(wEnd) ? next.start : wEnd;
      LocalDate prefDate = s.start.toLocalDate().plusDays(th.preferredDay());
      for (int k = 1; k <= th.perSession(); k++) {
        if (full("therapy")) return;
        LocalTime t = th.time();
        if (t == null) {
          Hours h = cal.hours(prefDate);
          t = h != null ? h.open() : earliest.withZoneSameInstant(zone).toLocalTime();
        }
        Local pref = local(prefDate, t);
        String id = "thr-" + s.number + "-" + k;
        String reason = therapyProblem(pref.time, PlanDuration.plus(pref.time, dur), earliest, latestEnd);
        ZonedDateTime found = reason == null ? pref.time : null;
        if (found == null) found = scan(ceilToGrid(pref.time), dur, earliest, latestEnd);
        if (found == null) found = scan(ceilToGrid(earliest), dur, earliest, latestEnd);
        if (found == null) {
          ZonedDateTime first = ceilToGrid(earliest);
          String early = therapyProblem(first, PlanDuration.plus(first, dur), earliest, latestEnd);
          findings.add(new Finding(Codes.THR_UNPLACEABLE, Severity.ERROR,
              "therapy " + (th.perSession() > 1 ? k + " of " + th.perSession() + " " : "") + "for session " + s.number
                  + " cannot be placed in its window " + describe(wStart) + " to " + describe(wEnd)
                  + " after monitoring ends and before the next dose (at " + describe(first) + ": " + early
                  + "; at the preferred " + describe(pref.time) + ": " + reason + ")",
              plan.pos("therapy.window"), "ket-" + s.number));
          break;
        }
        List<String> notes = new ArrayList<>();
        if (!found.equals(pref.time)) notes.add("Not at the preferred " + describe(pref.time) + ": " + reason);
        else if (pref.note != null) notes.add(pref.note);
        String title = (th.modality() == null ? "Integration therapy"
                : th.modality().toLowerCase(Locale.ROOT).contains("therap") ? th.modality()
                : "Integration therapy (" + th.modality() + ")")
            + " after session " + s.number
            + (th.perSession() > 1 ? ", " + k + " of " + th.perSession() : "");
        ZonedDateTime end = PlanDuration.plus(found, dur);
        events.add(new Event(id, EventKind.THERAPY, title, found, end, s.phase.name(), s.number, null, null, window,
            th.modality(), null, notes));
        busy.add(found, end);
        earliest = end;
        prefDate = found.toLocalDate().plusDays(1);
      }
    }
  }

  private ZonedDateTime ceilToGrid(ZonedDateTime t) {
    int m = t.getMinute() % STEP_MINUTES;
    ZonedDateTime r = t.withSecond(0).withNano(0);
    if (m != 0 || t.getSecond() != 0 || t.getNano() != 0) r = PlanDuration.plusSeconds(r, (STEP_MINUTES - m) * 60L);
    return r;
  }

  private ZonedDateTime scan(ZonedDateTime from, Duration dur, ZonedDateTime earliest, ZonedDateTime latestEnd) {
    // a closed day is skipped step by step without asking again (and without building the reason)
    LocalDate checked = null;
    boolean closed = false;
    for (ZonedDateTime t = from; ; t = PlanDuration.plusSeconds(t, STEP_MINUTES * 60L)) {
      ZonedDateTime end = PlanDuration.plus(t, dur);
      if (end.isAfter(latestEnd)) return null;
      LocalDate day = t.toLocalDate();
      if (!day.equals(checked)) {
        checked = day;
        closed = cal.closedReason(day) != null;
      }
      if (closed) {
        t = lastStepOfDay(t, day);
        continue;
      }
      if (therapyFits(t, end, earliest, latestEnd)) return t;
    }
  }

  /**
   * The last step of the scan from {@code t} that is still on {@code day}, when the zone's offset
   * stays the same until the next day: the steps in between would all be skipped as closed one by
   * one (and if the scan ends among them, it also ends at the next step). Otherwise {@code t}.
   */
  private ZonedDateTime lastStepOfDay(ZonedDateTime t, LocalDate day) {
    long next = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
    long now = t.toEpochSecond();
    long steps = (next - now - 1) / (STEP_MINUTES * 60L);
    if (steps <= 0 || t.getNano() != 0) return t;
    java.time.zone.ZoneOffsetTransition change = zone.getRules().nextTransition(t.toInstant());
    if (change != null && change.getInstant().getEpochSecond() < next) return t;
    return PlanDuration.plusSeconds(t, steps * STEP_MINUTES * 60L);
  }

  /** {@code therapyProblem(...) == null}, without building the reason (the scan tries many slots). */
  private boolean therapyFits(ZonedDateTime start, ZonedDateTime end, ZonedDateTime earliest, ZonedDateTime latestEnd) {
    if (start.isBefore(earliest) || end.isAfter(latestEnd)) return false;
    if (cal.closedReason(start.toLocalDate()) != null) return false;
    return cal.fits(start, end) && !overlapsBusy(start, end);
  }

  /** Null when therapy may take [start, end]; otherwise why not. */
  private String therapyProblem(ZonedDateTime start, ZonedDateTime end, ZonedDateTime earliest, ZonedDateTime latestEnd) {
    if (start.isBefore(earliest)) return "before monitoring ends or the window opens";
    if (end.isAfter(latestEnd)) return "after the window closes or the next dose";
    String closed = cal.closedReason(start.toLocalDate());
    if (closed != null) return closed;
    if (!cal.fits(start, end)) return "outside clinic hours " + cal.hours(start.toLocalDate());
    if (overlapsBusy(start, end)) return "overlaps another session";
    return null;
  }

  private boolean overlapsBusy(ZonedDateTime start, ZonedDateTime end) {
    return busy.overlaps(start.toInstant(), end.toInstant());
  }

  /**
   * Busy spans indexed by UTC day, so that asking whether a slot is free costs the spans of a day
   * or two, not of the whole schedule (a plan with thousands of follow-ups made that quadratic).
   * UTC days, not local dates: local dates can run backwards at a DST change at midnight.
   */
  private static final class Busy {
    private static final long DAY = 86_400;
    private final Map<Long, List<Instant[]>> byDay = new HashMap<>();
    /** Spans over more than a few days (long follow-ups): few, checked every time. */
    private final List<Instant[]> longSpans = new ArrayList<>();

    void add(ZonedDateTime start, ZonedDateTime end) {
      Instant[] span = {start.toInstant(), end.toInstant()};
      long a = day(span[0]), b = day(span[1]);
      if (b - a > 3) {
        longSpans.add(span);
        return;
      }
      for (long d = a; d <= b; d++) {
        List<Instant[]> day = byDay.get(d);
        if (day == null) byDay.put(d, day = new ArrayList<>());
        day.add(span);
      }
    }

    boolean overlaps(Instant start, Instant end) {
      for (Instant[] b : longSpans) if (start.isBefore(b[1]) && b[0].isBefore(end)) return true;
      long a = day(start), z = day(end);
      if (z - a > 3) {
        for (List<Instant[]> spans : byDay.values()) {
          for (Instant[] b : spans) if (start.isBefore(b[1]) && b[0].isBefore(end)) return true;
        }
        return false;
      }
      for (long d = a; d <= z; d++) {
        List<Instant[]> spans = byDay.get(d);
        if (spans == null) continue;
        for (Instant[] b : spans) if (start.isBefore(b[1]) && b[0].isBefore(end)) return true;
      }
      return false;
    }

    private static long day(Instant t) {
      return Math.floorDiv(t.getEpochSecond(), DAY);
    }
  }

  // ------------------------------------------------------------------ milestones

  /** A resolved milestone: a date, and an exact time when it is a session's start. */
  private record Moment(LocalDate date, ZonedDateTime exact) {}

  private Moment resolve(Milestone m, LocalDate planEnd, String path) {
    ZonedDateTime exact = null;
    LocalDate date = null;
    switch (m.kind()) {
      case START -> date = plan.start();
      case PLAN_END -> date = planEnd;
      case FIRST_SESSION -> exact = sessions.isEmpty() ? null : sessions.get(0).start;
      case LAST_SESSION -> exact = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).start;
      case SESSION -> {
        for (Session s : sessions) {
          if (s.number == m.session()) {
            exact = s.start;
            break;
          }
        }
      }
      case PHASE_START -> {
        for (Session s : sessions) {
          if (s.phase.name().equals(m.phase())) {
            exact = s.start;
            break;
          }
        }
      }
      case PHASE_END -> {
        for (Session s : sessions) if (s.phase.name().equals(m.phase())) exact = s.start;
      }
    }
    if (exact == null && date == null) {
      findings.add(new Finding(Codes.FUP_UNPLACEABLE, Severity.ERROR,
          "milestone `" + m.text() + "` has no date: its dosing session was not scheduled", m.pos() == null ? plan.pos(path) : m.pos(), null));
      return null;
    }
    if (exact != null) {
      ZonedDateTime t = m.offset().addTo(exact);
      return new Moment(t.toLocalDate(), m.offset().minutes() == 0 ? null : t);
    }
    PlanDuration off = m.offset();
    return new Moment(off.negative() ? date.minusDays(off.days()) : date.plusDays(off.days()), null);
  }

  private static boolean dependsOnPlanEnd(FollowUp f) {
    if (f.recurring()) return f.until() == null || f.until().kind() == Milestone.Kind.PLAN_END
        || (f.from() != null && f.from().kind() == Milestone.Kind.PLAN_END);
    for (Milestone m : f.at()) if (m.kind() == Milestone.Kind.PLAN_END) return true;
    return false;
  }

  // ------------------------------------------------------------------ follow-ups

  private void placeFollowUp(FollowUp f, LocalDate planEnd) {
    String path = "followUp[" + f.index() + "]";
    EventKind kind = f.kind().equals("assessment") ? EventKind.ASSESSMENT : EventKind.FOLLOW_UP;
    Duration dur = (f.duration() != null ? f.duration() : PlanDuration.ofMinutes(kind == EventKind.ASSESSMENT ? 30 : 60)).elapsed();
    if (!f.recurring()) {
      int n = 0;
      for (Milestone m : f.at()) {
        if (full(path)) return;
        n++;
        Moment mo = resolve(m, planEnd, path);
        if (mo == null) continue;
        placeOne(f, kind, f.id() + "-" + n, mo, dur, path, null);
      }
      return;
    }
    Moment from = f.from() == null
        ? (sessions.isEmpty() ? new Moment(plan.start(), null) : new Moment(sessions.get(0).start.toLocalDate(), null))
        : resolve(f.from(), planEnd, path);
    Moment until = f.until() == null ? new Moment(planEnd, null) : resolve(f.until(), planEnd, path);
    if (from == null || until == null) return;
    Recurrence r = f.every();
    LocalDate first = from.date;
    if (f.day() != null) while (first.getDayOfWeek() != f.day()) first = first.plusDays(1);
    if (r.byWeekdays()) while (!r.weekdays().contains(first.getDayOfWeek())) first = first.plusDays(1);
    if (first.isAfter(until.date)) {
      findings.add(new Finding(Codes.FUP_UNPLACEABLE, Severity.WARNING,
          "follow-up `" + f.name() + "` starts (" + first + ") after it ends (" + until.date + "), so it never happens",
          plan.pos(path), null));
      return;
    }
    LocalTime time = f.time();
    if (time == null) {
      Hours h = cal.hours(first);
      time = h != null ? h.open() : LocalTime.of(9, 0);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(until.date) && dates.size() <= MAX_EVENTS; ) {
      dates.add(d);
      if (r.byWeekdays()) {
        d = d.plusDays(1);
        while (!r.weekdays().contains(d.getDayOfWeek())) d = d.plusDays(1);
      } else {
        d = d.plusDays(r.intervalDays());
      }
    }
    List<ZonedDateTime> exdates = new ArrayList<>();
    int n = 0;
    for (LocalDate d : dates) {
      if (full(path)) return;
      n++;
      ZonedDateTime nominal = local(d, time).time;
      boolean detached = placeOne(f, kind, f.id() + "-" + n, new Moment(d, nominal), dur, path, f.id());
      if (detached) exdates.add(nominal);
    }
    ZonedDateTime start = local(first, time).time;
    series.add(new Series(f.id(), kind, f.name(), f.kind(), start, null, PlanDuration.ofMinutes(dur.toMinutes()),
        rrule(r, f.day() != null ? List.of(f.day()) : List.of(), until.date, false), until.date, dates.size(), exdates));
  }

  /**
   * Places one follow-up occurrence: at its time (or the first free slot in clinic hours), moved to
   * the next open day when the clinic is closed. Returns true when it left its series' nominal slot.
   */
  private boolean placeOne(FollowUp f, EventKind kind, String id, Moment mo, Duration dur, String path, String seriesId) {
    List<String> notes = new ArrayList<>();
    LocalDate date = mo.date;
    ZonedDateTime nominal = mo.exact != null ? mo.exact : (f.time() != null ? local(date, f.time()).time : null);
    String why = null;
    for (int d = 0; d <= MAX_MOVE_DAYS; d++) {
      LocalDate day = date.plusDays(d);
      String closed = cal.closedReason(day);
      if (closed != null) {
        if (why == null) why = closed;
        continue;
      }
      ZonedDateTime start;
      if (mo.exact != null && d == 0) {
        start = mo.exact;
      } else if (f.time() != null && seriesId == null) {
        start = local(day, f.time()).time;
      } else if (seriesId != null && nominal != null && d == 0 && !overlapsBusy(nominal, PlanDuration.plus(nominal, dur))) {
        start = nominal;
      } else {
        start = firstFree(day, dur, f.time() != null ? f.time() : null);
        if (start == null) {
          if (why == null) why = "no free time in clinic hours";
          continue;
        }
      }
      if (nominal != null && !start.equals(nominal)) {
        notes.add("Moved from " + describe(nominal) + ": " + (why == null ? "overlaps a dosing or therapy session" : why));
      } else if (nominal == null && d > 0) {
        notes.add("Moved from " + date + ": " + why);
      }
      ZonedDateTime end = PlanDuration.plus(start, dur);
      boolean detached = seriesId != null && !start.equals(nominal);
      events.add(new Event(id, kind, f.name(), start, end, null, null, null, null, null, f.kind(),
          detached ? null : seriesId, notes));
      busy.add(start, end);
      return detached;
    }
    findings.add(new Finding(Codes.FUP_UNPLACEABLE, Severity.WARNING,
        "follow-up `" + f.name() + "` on " + date + " cannot be placed within " + MAX_MOVE_DAYS + " days: " + why, plan.pos(path), null));
    return seriesId != null;
  }

  /** The first slot on {@code day}, from opening (or {@code from}) on the grid, that fits clinic hours and overlaps nothing. */
  private ZonedDateTime firstFree(LocalDate day, Duration dur, LocalTime from) {
    Hours h = cal.hours(day);
    if (h == null) return null;
    LocalTime t = from != null && from.isAfter(h.open()) ? from : h.open();
    for (int guard = 0; guard < 24 * 60 / STEP_MINUTES; guard++) {
      ZonedDateTime s = local(day, t).time;
      ZonedDateTime e = PlanDuration.plus(s, dur);
      if (!e.toLocalDate().equals(day) && !(h.close() == null && e.toLocalTime().equals(LocalTime.MIDNIGHT))) return null;
      if (cal.fits(s, e) && !overlapsBusy(s, e)) return s;
      LocalTime next = t.plusMinutes(STEP_MINUTES);
      if (next.isBefore(t)) return null;
      t = next;
    }
    return null;
  }

  // ------------------------------------------------------------------ habits

  private void placeHabit(Habit h, LocalDate planEnd) {
    String path = "habits[" + h.index() + "]";
    Moment from = h.from() == null
        ? new Moment(sessions.isEmpty() ? plan.start() : sessions.get(0).start.toLocalDate(), null)
        : resolve(h.from(), planEnd, path);
    Moment until = h.until() == null ? new Moment(planEnd, null) : resolve(h.until(), planEnd, path);
    if (from == null || until == null) return;
    Recurrence r = h.every();
    LocalDate first = from.date;
    if (r.byWeekdays()) while (!r.weekdays().contains(first.getDayOfWeek())) first = first.plusDays(1);
    if (first.isAfter(until.date)) {
      findings.add(new Finding(Codes.FUP_UNPLACEABLE, Severity.WARNING,
          "habit `" + h.name() + "` starts (" + first + ") after it ends (" + until.date + "), so it never happens", plan.pos(path), null));
      return;
    }
    int count = occurrences(r, first, until.date);
    boolean allDay = h.time() == null;
    ZonedDateTime start = allDay ? null : local(first, h.time()).time;
    PlanDuration dur = allDay ? PlanDuration.ofDays(1) : h.duration();
    series.add(new Series(h.id(), EventKind.HABIT, h.name(), h.kind(), start, first, dur,
        rrule(r, List.of(), until.date, allDay), until.date, count, List.of()));
  }

  /**
   * How many times {@code r} happens from {@code first} (an occurrence) to {@code until}, both
   * included: counted, not walked day by day.
   */
  static int occurrences(Recurrence r, LocalDate first, LocalDate until) {
    long span = until.toEpochDay() - first.toEpochDay();
    if (span < 0) return 0;
    if (!r.byWeekdays()) return (int) (span / r.intervalDays() + 1);
    boolean[] on = new boolean[7];
    for (DayOfWeek w : r.weekdays()) on[w.ordinal()] = true;
    int perWeek = 0;
    for (boolean b : on) if (b) perWeek++;
    long days = span + 1;
    long count = days / 7 * perWeek;
    int start = first.getDayOfWeek().ordinal();
    for (int i = 0; i < days % 7; i++) if (on[(start + i) % 7]) count++;
    return (int) count;
  }

  /** An RFC 5545 RRULE; UNTIL is the end of the last day, in UTC for timed series and as a date for all-day ones. */
  private String rrule(Recurrence r, List<DayOfWeek> fixedDay, LocalDate until, boolean allDay) {
    StringBuilder b = new StringBuilder();
    if (r.byWeekdays()) {
      b.append("FREQ=WEEKLY;BYDAY=");
      for (int i = 0; i < r.weekdays().size(); i++) b.append(i == 0 ? "" : ",").append(icalDay(r.weekdays().get(i)));
    } else if (r.intervalDays() % 7 == 0) {
      b.append("FREQ=WEEKLY");
      if (r.intervalDays() > 7) b.append(";INTERVAL=").append(r.intervalDays() / 7);
    } else {
      b.append("FREQ=DAILY");
      if (r.intervalDays() > 1) b.append(";INTERVAL=").append(r.intervalDays());
    }
    if (allDay) {
      b.append(";UNTIL=");
      if (until.getYear() < 0 || until.getYear() > 9999) b.append(Formats.DATE_STAMP.format(until));
      else date(b, until, false);
    } else {
      ZonedDateTime end = ZonedDateTime.of(until, LocalTime.of(23, 59, 59), zone);
      LocalDateTime utc = end.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
      b.append(";UNTIL=");
      if (utc.getYear() < 0 || utc.getYear() > 9999) {
        b.append(Formats.UTC_STAMP.format(utc));
      } else {
        date(b, utc.toLocalDate(), false);
        b.append('T');
        two(b, utc.getHour());
        two(b, utc.getMinute());
        two(b, utc.getSecond());
        b.append('Z');
      }
    }
    return b.toString();
  }

  static String icalDay(DayOfWeek d) {
    return d.name().substring(0, 2);
  }

  /** For callers that want "Tue 2026-12-01 09:00" (pattern {@code EEE uuuu-MM-dd HH:mm}, English). */
  public static String describe(ZonedDateTime t) {
    LocalDateTime l = t.toLocalDateTime();
    int y = l.getYear();
    if (y < 0 || y > 9999) return Formats.DAY.format(t);
    StringBuilder b = new StringBuilder(20);
    b.append(DAY_NAMES[l.getDayOfWeek().ordinal()]).append(' ');
    date(b, l.toLocalDate(), true);
    b.append(' ');
    two(b, l.getHour());
    b.append(':');
    two(b, l.getMinute());
    return b.toString();
  }

  /** {@code uuuu-MM-dd} (or {@code uuuuMMdd}) for a year from 0 to 9999. */
  private static void date(StringBuilder b, LocalDate d, boolean dashes) {
    int y = d.getYear();
    b.append((char) ('0' + y / 1000)).append((char) ('0' + y / 100 % 10));
    two(b, y % 100);
    if (dashes) b.append('-');
    two(b, d.getMonthValue());
    if (dashes) b.append('-');
    two(b, d.getDayOfMonth());
  }

  private static void two(StringBuilder b, int v) {
    b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
