package org.kplan.plan;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Public-holiday calendars from Jollyday, loaded only when a plan names {@code clinic.holidays}.
 * Codes are an ISO 3166 country with an optional subdivision: {@code US}, {@code US-CA},
 * {@code DE-BE}, {@code GB}.
 */
public final class HolidayCalendars implements HolidaySource {
  public static final HolidayCalendars INSTANCE = new HolidayCalendars();

  /** Jollyday's lazy caches are not thread-safe: every call into it holds this lock. */
  private static final Object LOCK = new Object();
  private static final Map<String, String> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, Map<LocalDate, String>> YEARS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String OK = "";

  private HolidayCalendars() {}

  /** The holidays {@code plan} asks for: Jollyday only when it names {@code clinic.holidays}. */
  public static HolidaySource forPlan(Plan plan) {
    return plan.clinic().holidays() == null ? HolidaySource.NONE : INSTANCE;
  }

  /** Null when {@code code} names a known calendar; otherwise a message with a suggestion. */
  public static String check(String code) {
    if (HolidayTable.has(code)) return null; // the build's table has it: no need to start Jollyday
    String key = code.trim().toUpperCase(Locale.ROOT);
    String msg = CHECKED.get(key);
    if (msg == null) {
      synchronized (LOCK) {
        msg = CHECKED.computeIfAbsent(key, k -> {
          String m = checkUncached(code);
          return m == null ? OK : m;
        });
      }
    }
    return msg.equals(OK) ? null : msg;
  }

  static String checkUncached(String code) {
    String[] p = code.trim().split("[-_]", 2);
    String country = p[0].toLowerCase(Locale.ROOT);
    Set<String> supported;
    try {
      supported = HolidayManager.getSupportedCalendarCodes();
    } catch (RuntimeException e) {
      return "holiday calendars are not available: " + e.getMessage();
    }
    List<String> lower = supported.stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList();
    if (!lower.contains(country)) {
      return "unknown holiday calendar \"" + code + "\"" + Suggest.didYouMean(country.toUpperCase(Locale.ROOT),
          lower.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()) + " (an ISO country code, optionally with a subdivision: US-CA, DE-BE, GB)";
    }
    if (p.length == 2) {
      try {
        HolidayManager m = HolidayManager.getInstance(ManagerParameters.create(country));
        Set<String> subs = m.getCalendarHierarchy().getChildren().keySet();
        String sub = p[1].toLowerCase(Locale.ROOT);
        if (!subs.contains(sub)) {
          List<String> names = new ArrayList<>();
          for (String s : subs) names.add(country.toUpperCase(Locale.ROOT) + "-" + s.toUpperCase(Locale.ROOT));
          names.sort(null);
          return "unknown subdivision \"" + p[1] + "\" of holiday calendar " + country.toUpperCase(Locale.ROOT)
              + Suggest.didYouMean(code.toUpperCase(Locale.ROOT), names);
        }
      } catch (RuntimeException e) {
        return "cannot load holiday calendar \"" + code + "\": " + e.getMessage();
      }
    }
    return null;
  }

  /**
   * Public holidays of {@code code} from {@code from} to {@code to}; computed once per calendar and
   * year, then shared by every plan (and thread) of the run.
   */
  @Override
  public Map<LocalDate, String> holidays(String code, LocalDate from, LocalDate to) {
    Map<LocalDate, String> out = new TreeMap<>();
    String prefix = code.trim().toUpperCase(Locale.ROOT) + "/";
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      String key = prefix + y;
      Map<LocalDate, String> year = YEARS.get(key);
      if (year == null && y >= HolidayTable.FIRST && y <= HolidayTable.LAST) {
        // every year of the build's table at once (one small file a calendar)
        Map<Integer, Map<LocalDate, String>> table = HolidayTable.years(code);
        if (table != null) {
          for (Map.Entry<Integer, Map<LocalDate, String>> t : table.entrySet()) YEARS.putIfAbsent(prefix + t.getKey(), t.getValue());
          year = YEARS.get(key);
        }
      }
      if (year == null) {
        final int yy = y;
        synchronized (LOCK) {
          year = YEARS.computeIfAbsent(key, k -> Map.copyOf(load(code, LocalDate.of(yy, 1, 1), LocalDate.of(yy, 12, 31))));
        }
      }
      for (Map.Entry<LocalDate, String> e : year.entrySet()) {
        if (!e.getKey().isBefore(from) && !e.getKey().isAfter(to)) out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** From Jollyday itself: the public holidays of {@code code} from {@code from} to {@code to}. */
  static Map<LocalDate, String> load(String code, LocalDate from, LocalDate to) {
    String[] p = code.trim().split("[-_]", 2);
    synchronized (LOCK) {
      return loadLocked(p, from, to);
    }
  }

  private static Map<LocalDate, String> loadLocked(String[] p, LocalDate from, LocalDate to) {
    HolidayManager m = HolidayManager.getInstance(ManagerParameters.create(p[0].toLowerCase(Locale.ROOT)));
    Set<Holiday> hs = p.length == 2
        ? m.getHolidays(from, to, p[1].toLowerCase(Locale.ROOT))
        : m.getHolidays(from, to);
    Map<LocalDate, String> out = new TreeMap<>();
    for (Holiday h : hs) {
      if (h.getType() != null && !h.getType().name().equals("PUBLIC_HOLIDAY")) continue;
      out.merge(h.getActualDate(), h.getDescription(Locale.ENGLISH), (a, b) -> a.compareTo(b) <= 0 ? a + " / " + b : b + " / " + a);
    }
    return out;
  }
}
