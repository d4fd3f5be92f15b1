package org.kplan.term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/**
 * A month of a schedule as a calendar grid (weeks Monday to Sunday, like {@code cal}), with
 * dosing, therapy, assessment and follow-up days marked by letter (and in colour), the days inside
 * a post-dose window marked {@code ~} (and underlined), a legend, and the month's events below.
 * Lays out for a given width: cells grow with it, and from 16 columns a cell also shows the time
 * of the day's first session.
 */
public final class MonthView {
  private MonthView() {}

  /** Kinds marked in the grid, in the order their letters appear in a cell. */
  private static final List<EventKind> MARKED = List.of(EventKind.KETAMINE, EventKind.THERAPY, EventKind.ASSESSMENT, EventKind.FOLLOW_UP);
  private static final char WINDOW = '~';
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd", Locale.ENGLISH);
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /** The month to show when none is asked for: that of the first dosing session (else the first event, else {@code fallback}). */
  public static YearMonth defaultMonth(Schedule s, LocalDate fallback) {
    return s.events().stream().filter(e -> e.kind() == EventKind.KETAMINE).findFirst()
        .or(() -> s.events().stream().findFirst())
        .map(e -> YearMonth.from(e.start()))
        .orElse(YearMonth.from(fallback));
  }

  /** Every month from the first event's to plan-end's. */
  public static List<YearMonth> allMonths(Schedule s) {
    List<YearMonth> out = new ArrayList<>();
    if (s.events().isEmpty()) return out;
    YearMonth from = YearMonth.from(s.events().get(0).start());
    YearMonth to = YearMonth.from(s.planEnd());
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.add(m);
    return out;
  }

  /** Letter marking {@code k} in the grid. */
  static char letter(EventKind k) {
    return switch (k) {
      case KETAMINE -> 'K';
      case THERAPY -> 'T';
      case ASSESSMENT -> 'A';
      case FOLLOW_UP -> 'F';
      default -> '?';
    };
  }

  static String label(EventKind k) {
    return switch (k) {
      case KETAMINE -> "dosing session";
      case THERAPY -> "therapy";
      case ASSESSMENT -> "assessment";
      case FOLLOW_UP -> "follow-up";
      default -> k.word;
    };
  }

  public static void write(Schedule s, List<YearMonth> months, Style st, int width, Appendable out) {
    try {
      out.append(st.bold(Text.truncate("Plan " + s.plan() + (s.patient() == null ? "" : " · patient " + s.patient()) + " · " + s.timezone().getId(), width))).append('\n');
      Map<LocalDate, Day> days = days(s);
      for (YearMonth m : months) {
        out.append('\n');
        grid(m, days, st, width, out);
        legend(st, width, out);
        events(s, m, st, width, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one date holds: kinds of events, whether it lies in a post-dose window, the first session's time. */
  private static final class Day {
    final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    boolean window;
    String firstTime;
  }

  private static Map<LocalDate, Day> days(Schedule s) {
    Map<LocalDate, Day> days = new HashMap<>();
    for (Event e : s.events()) {
      if (e.kind() == EventKind.TASK) continue;
      Day d = days.computeIfAbsent(e.start().toLocalDate(), k -> new Day());
      d.kinds.add(e.kind());
      if (d.firstTime == null) d.firstTime = HM.format(e.start());
      if (e.window() != null) {
        for (LocalDate x = e.window().start().toLocalDate(); !x.isAfter(e.window().end().toLocalDate()); x = x.plusDays(1)) {
          days.computeIfAbsent(x, k -> new Day()).window = true;
        }
      }
    }
    return days;
  }

  private static int cellWidth(int width) {
    return Math.max(5, Math.min(30, width / 7));
  }

  private static void grid(YearMonth m, Map<LocalDate, Day> days, Style st, int width, Appendable out) throws IOException {
    int c = cellWidth(width);
    int total = c * 7;
    String title = TITLE.format(m);
    int pad = Math.max(0, (total - title.length()) / 2);
    out.append(" ".repeat(pad)).append(st.bold(title)).append('\n');
    StringBuilder head = new StringBuilder();
    for (DayOfWeek d : DayOfWeek.values()) {
      head.append(padRight(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), c));
    }
    out.append(st.bold(head.toString().stripTrailing())).append('\n');
    LocalDate first = m.atDay(1);
    int lead = first.getDayOfWeek().getValue() - 1;
    StringBuilder row = new StringBuilder(" ".repeat(lead * c));
    int col = lead;
    for (int day = 1; day <= m.lengthOfMonth(); day++) {
      LocalDate date = m.atDay(day);
      row.append(cell(date, days.get(date), c, st));
      if (++col == 7) {
        out.append(stripTrailing(row)).append('\n');
        row.setLength(0);
        col = 0;
      }
    }
    if (col > 0) out.append(stripTrailing(row)).append('\n');
  }

  private static String cell(LocalDate date, Day d, int c, Style st) {
    String num = String.format("%2d", date.getDayOfMonth());
    if (d == null) return padRight(num, c);
    StringBuilder marks = new StringBuilder();
    for (EventKind k : MARKED) if (d.kinds.contains(k)) marks.append(letter(k));
    String plain = num + (d.window ? WINDOW : ' ') + marks;
    boolean time = c >= 16 && d.firstTime != null;
    if (time) plain = padRight(plain, 8) + d.firstTime;
    int padding = Math.max(1, c - plain.length());
    if (!st.enabled()) return plain + " ".repeat(padding);
    EventKind main = MARKED.stream().filter(d.kinds::contains).findFirst().orElse(null);
    StringBuilder b = new StringBuilder();
    b.append(st.paint(num, main == null ? null : ScheduleTable.color(main), main != null, d.window, main == EventKind.KETAMINE));
    b.append(d.window ? st.dim(String.valueOf(WINDOW)) : " ");
    for (EventKind k : MARKED) if (d.kinds.contains(k)) b.append(st.fg(ScheduleTable.color(k), String.valueOf(letter(k))));
    if (time) b.append(" ".repeat(Math.max(0, 8 - (3 + marks.length())))).append(st.dim(d.firstTime));
    return b.append(" ".repeat(padding)).toString();
  }

  private static void legend(Style st, int width, Appendable out) throws IOException {
    List<String[]> items = new ArrayList<>();
    for (EventKind k : MARKED) items.add(new String[] {String.valueOf(letter(k)), label(k), k.name()});
    items.add(new String[] {String.valueOf(WINDOW), "post-dose window", null});
    StringBuilder line = new StringBuilder();
    int len = 0;
    for (String[] it : items) {
      String plain = it[0] + " " + it[1];
      if (len > 0 && len + 3 + plain.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
        len = 0;
      }
      if (len > 0) {
        line.append("   ");
        len += 3;
      }
      String mark = it[2] == null ? st.dim(it[0]) : st.fg(ScheduleTable.color(EventKind.valueOf(it[2])), it[0]);
      line.append(mark).append(' ').append(it[1]);
      len += plain.length();
    }
    out.append(line).append('\n');
  }

  private static void events(Schedule s, YearMonth m, Style st, int width, Appendable out) throws IOException {
    out.append('\n').append(st.bold("Events in " + TITLE.format(m))).append('\n');
    Map<Integer, Integer> tasks = new HashMap<>();
    for (Event e : s.events()) if (e.kind() == EventKind.TASK && e.session() != null) tasks.merge(e.session(), 1, Integer::sum);
    int shown = 0;
    for (Event e : s.events()) {
      if (e.kind() == EventKind.TASK || !YearMonth.from(e.start()).equals(m)) continue;
      shown++;
      String kind = String.format("%-10s", e.kind().word);
      String lead = "  " + DAY.format(e.start()) + "  " + HM.format(e.start()) + "-" + HM.format(e.end()) + "  ";
      StringBuilder text = new StringBuilder(e.title());
      if (e.dose() != null) text.append(" · ").append(e.dose());
      Integer n = e.kind() == EventKind.KETAMINE ? tasks.get(e.session()) : null;
      if (n != null) text.append(" · ").append(n).append(n == 1 ? " task" : " tasks");
      int room = width - lead.length() - kind.length() - 1;
      out.append(lead).append(st.fg(ScheduleTable.color(e.kind()), kind)).append(' ').append(Text.truncate(text.toString(), room)).append('\n');
      for (String note : e.notes()) {
        out.append("                ").append(st.yellow(Text.truncate("↳ " + note, width - 16))).append('\n');
      }
    }
    if (shown == 0) out.append("  No sessions, therapy or follow-ups this month.").append('\n');
    List<Series> habits = s.series().stream().filter(x -> x.kind() == EventKind.HABIT).toList();
    if (!habits.isEmpty()) {
      StringBuilder h = new StringBuilder("Habits, every day of the plan unless noted: ");
      for (int i = 0; i < habits.size(); i++) {
        Series x = habits.get(i);
        if (i > 0) h.append(", ");
        h.append(x.title());
        String how = recurrence(x.rrule());
        if (!how.isEmpty()) h.append(" (").append(how).append(')');
      }
      out.append('\n');
      for (String line : Text.wrap(h.toString(), width)) out.append(st.dim(line)).append('\n');
    }
  }

  /** An RFC 5545 rule in words, or "" for every day: "tue, fri", "every 2 days", "every 2 weeks". */
  static String recurrence(String rrule) {
    Map<String, String> parts = new HashMap<>();
    for (String p : rrule.split(";")) {
      int eq = p.indexOf('=');
      if (eq > 0) parts.put(p.substring(0, eq), p.substring(eq + 1));
    }
    String by = parts.get("BYDAY");
    if (by != null) {
      List<String> days = new ArrayList<>();
      for (String d : by.split(",")) {
        for (DayOfWeek w : DayOfWeek.values()) if (w.name().startsWith(d)) days.add(w.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
      }
      return String.join(", ", days);
    }
    String n = parts.getOrDefault("INTERVAL", "1");
    String unit = "WEEKLY".equals(parts.get("FREQ")) ? "week" : "day";
    if (n.equals("1")) return unit.equals("day") ? "" : "every week";
    return "every " + n + " " + unit + "s";
  }

  private static String padRight(String s, int w) {
    return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
  }

  private static String stripTrailing(CharSequence s) {
    return s.toString().stripTrailing();
  }
}
