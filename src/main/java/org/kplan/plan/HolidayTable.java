package org.kplan.plan;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Public holidays the build computed with Jollyday for years {@link #FIRST} to {@link #LAST}, so
 * that a plan naming {@code clinic.holidays} does not start Jollyday (its XML data and Jackson
 * mapping cost about a quarter of a second on every run). {@link #main} writes, beside this class,
 * {@code holidays/index.txt} (the year range and the Jollyday it came from, then every calendar
 * code, one a line) and one
 * {@code holidays/<CODE>.txt} per code ({@code yyyy-mm-dd<TAB>name} lines), from the same
 * {@link HolidayCalendars#load} a run would call. Years outside the range, and a build without
 * the table, fall back to Jollyday itself; a test holds the table to Jollyday.
 */
public final class HolidayTable {
  private HolidayTable() {}

  /** The years the build computes: plans are dated now or soon, and last at most ten years. */
  public static final int FIRST = 2024, LAST = 2040;

  private static final String DIR = "holidays/";
  /**
   * Raise when what the table holds changes (which holidays count, how names on one date are
   * joined, which codes are accepted): an incremental build then computes it again.
   */
  private static final int FORMAT = 1;

  /** Build step (Maven's process-classes phase): writes the table into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve(DIR);
    Files.createDirectories(dir);
    String head = FIRST + " " + LAST + " " + source() + " format-" + FORMAT;
    Path indexFile = dir.resolve("index.txt");
    if (Files.isRegularFile(indexFile) && Files.readString(indexFile, StandardCharsets.UTF_8).startsWith(head + "\n")) return; // up to date
    StringBuilder index = new StringBuilder().append(head).append('\n');
    for (String code : jollydayCodes()) {
      if (HolidayCalendars.checkUncached(code) != null) continue; // such as DJ_STOXX, which kplan does not accept
      StringBuilder b = new StringBuilder();
      for (int y = FIRST; y <= LAST; y++) {
        // year by year, as a run asks (a holiday observed across New Year belongs to the year it falls in)
        for (Map.Entry<LocalDate, String> e : HolidayCalendars.load(code, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).entrySet()) {
          b.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
      }
      Files.writeString(dir.resolve(code + ".txt"), b, StandardCharsets.UTF_8);
      index.append(code).append('\n');
    }
    Files.writeString(indexFile, index, StandardCharsets.UTF_8);
  }

  /** Every calendar code Jollyday offers, each country and each of its subdivisions ({@code US}, {@code US-CA}), sorted. */
  static Set<String> jollydayCodes() {
    Set<String> codes = new TreeSet<>();
    for (String c : HolidayManager.getSupportedCalendarCodes()) {
      String country = c.toUpperCase(Locale.ROOT);
      codes.add(country);
      HolidayManager m = HolidayManager.getInstance(ManagerParameters.create(c.toLowerCase(Locale.ROOT)));
      for (String sub : m.getCalendarHierarchy().getChildren().keySet()) codes.add(country + "-" + sub.toUpperCase(Locale.ROOT));
    }
    return codes;
  }

  /** Where Jollyday came from (its jar, which names its version): the table is made again when it changes. */
  private static String source() {
    try {
      String s = String.valueOf(HolidayManager.class.getProtectionDomain().getCodeSource().getLocation());
      return s.substring(s.lastIndexOf('/', s.length() - 2) + 1).replace(' ', '_');
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  private static volatile Set<String> index;

  /**
   * The normal form of a calendar code: {@code us_ca} is {@code US-CA}. Null for a code with a
   * character outside ASCII: upper-casing turns some into ASCII letters ({@code ſ} into {@code S},
   * dotless {@code ı} into {@code I}), which Jollyday's own check, lower-casing, does not accept.
   */
  static String key(String code) {
    for (int i = 0; i < code.length(); i++) if (code.charAt(i) >= 0x80) return null;
    return code.trim().toUpperCase(Locale.ROOT).replace('_', '-');
  }

  /** True when the build's table has {@code code} (in any spelling {@link #key} accepts). */
  static boolean has(String code) {
    String key = key(code);
    return key != null && codes().contains(key);
  }

  /**
   * The holidays of {@code code} by year, for every year of the table; null when the table does not
   * have the code (or the build made none).
   */
  static Map<Integer, Map<LocalDate, String>> years(String code) {
    String key = key(code);
    if (key == null || !codes().contains(key)) return null;
    String text = resource(DIR + key + ".txt");
    if (text == null) return null;
    Map<Integer, Map<LocalDate, String>> out = new HashMap<>();
    for (int y = FIRST; y <= LAST; y++) out.put(y, new TreeMap<>());
    for (int at = 0; at < text.length(); ) {
      int eol = text.indexOf('\n', at);
      if (eol < 0) eol = text.length();
      // yyyy-mm-dd read by hand: LocalDate.parse would start DateTimeFormatter on every such run
      LocalDate d = LocalDate.of(number(text, at, 4), number(text, at + 5, 2), number(text, at + 8, 2));
      out.get(d.getYear()).put(d, text.substring(at + 11, eol));
      at = eol + 1;
    }
    for (Map.Entry<Integer, Map<LocalDate, String>> e : out.entrySet()) e.setValue(Collections.unmodifiableMap(e.getValue()));
    return out;
  }

  private static int number(String s, int from, int digits) {
    int n = 0;
    for (int i = from; i < from + digits; i++) n = 10 * n + (s.charAt(i) - '0');
    return n;
  }

  private static Set<String> codes() {
    Set<String> s = index;
    if (s == null) {
      s = new HashSet<>();
      String text = resource(DIR + "index.txt");
      if (text != null && text.startsWith(FIRST + " " + LAST + " ")) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        s.addAll(lines.subList(1, lines.size()));
      }
      index = s;
    }
    return s;
  }

  private static String resource(String name) {
    try {
      byte[] b = Resources.read("org/kplan/plan/" + name);
      return b == null ? null : new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
