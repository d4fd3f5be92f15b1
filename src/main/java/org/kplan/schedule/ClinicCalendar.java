package org.kplan.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.Plan.Clinic;
import org.kplan.plan.Plan.DateRange;
import org.kplan.plan.Plan.Hours;

/** When the clinic is open: weekly hours, closed dates and ranges, public holidays. */
final class ClinicCalendar {
  /** English day names (as {@code getDisplayName(TextStyle.FULL, Locale.ENGLISH)} gives them, without the locale data). */
  private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

  private final Clinic clinic;
  private final HolidaySource holidays;
  private final Map<Integer, Map<LocalDate, String>> holidayYears = new HashMap<>();
  /** closedReason per date: a plan may list thousands of closed dates, and the engine asks often. */
  private final Map<LocalDate, String> closedMemo = new HashMap<>();

  ClinicCalendar(Clinic clinic, HolidaySource holidays) {
    this.clinic = clinic;
    this.holidays = holidays;
  }

  /** Null when the clinic is open on {@code date}; otherwise why it is closed. */
  String closedReason(LocalDate date) {
    String r = closedMemo.get(date);
    if (r == null) {
      String c = computeClosedReason(date);
      r = c == null ? "" : c;
      closedMemo.put(date, r);
    }
    return r.isEmpty() ? null : r;
  }

  private String computeClosedReason(LocalDate date) {
    for (DateRange r : clinic.closed()) {
      if (r.contains(date)) {
        return r.from().equals(r.to()) ? "clinic closed on " + date : "clinic closed " + r.from() + " to " + r.to();
      }
    }
    if (clinic.holidays() != null) {
      int y = date.getYear();
      Map<LocalDate, String> year = holidayYears.get(y);
      if (year == null) {
        year = holidays.holidays(clinic.holidays(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        holidayYears.put(y, year);
      }
      String h = year.get(date);
      if (h != null) return "public holiday (" + h + ")";
    }
    if (!clinic.hours().containsKey(date.getDayOfWeek())) {
      return "clinic closed on " + DAY_NAMES[date.getDayOfWeek().ordinal()] + "s";
    }
    return null;
  }

  Hours hours(LocalDate date) {
    return clinic.hours().get(date.getDayOfWeek());
  }

  boolean open(LocalDate date) {
    return closedReason(date) == null;
  }

  /** True when [start, end] lies on one open day inside its hours. */
  boolean fits(ZonedDateTime start, ZonedDateTime end) {
    LocalDate d = start.toLocalDate();
    if (closedReason(d) != null) return false;
    Hours h = hours(d);
    LocalDate endDate = end.toLocalDate();
    boolean nextMidnight = !endDate.equals(d) && endDate.equals(d.plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT);
    if (!endDate.equals(d) && !nextMidnight) return false;
    return h.contains(start.toLocalTime(), end.toLocalTime(), nextMidnight);
  }
}
