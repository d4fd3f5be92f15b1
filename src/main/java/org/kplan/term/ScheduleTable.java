package org.kplan.term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.jline.jansi.Ansi;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/** The terminal table: one line per event, grouped by week, coloured by kind. */
public final class ScheduleTable {
  private ScheduleTable() {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH);
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  public static Ansi.Color color(EventKind k) {
    return switch (k) {
      case KETAMINE -> Ansi.Color.MAGENTA;
      case THERAPY -> Ansi.Color.GREEN;
      case TASK -> Ansi.Color.DEFAULT;
      case ASSESSMENT -> Ansi.Color.BLUE;
      case FOLLOW_UP -> Ansi.Color.CYAN;
      case HABIT -> Ansi.Color.YELLOW;
    };
  }

  public static void write(Schedule s, Style st, Appendable out) {
    try {
      out.append(st.bold(Diagnostics.safe("Plan " + s.plan() + (s.patient() == null ? "" : " · patient " + s.patient()) + " · " + s.timezone().getId())))
          .append('\n');
      LocalDate week = null;
      for (Event e : s.events()) {
        LocalDate d = e.start().toLocalDate();
        LocalDate ws = d.minusDays(d.getDayOfWeek().getValue() - 1L);
        if (!ws.equals(week)) {
          week = ws;
          out.append('\n').append(st.bold("Week " + ws.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " · from " + ws)).append('\n');
        }
        String kind = String.format("%-10s", e.kind().word);
        out.append("  ").append(DAY.format(e.start())).append("  ").append(HM.format(e.start())).append('-').append(HM.format(e.end()))
            .append("  ").append(st.fg(color(e.kind()), kind)).append(' ').append(e.kind() == EventKind.TASK ? st.dim(Diagnostics.safe(e.title())) : Diagnostics.safe(e.title()));
        if (e.dose() != null) out.append(" · ").append(Diagnostics.safe(e.dose()));
        out.append('\n');
        for (String n : e.notes()) out.append("                          ").append(st.yellow("↳ " + Diagnostics.safe(n))).append('\n');
      }
      if (!s.series().isEmpty()) {
        out.append('\n').append(st.bold("Recurring")).append('\n');
        for (Series r : s.series()) {
          out.append("  ").append(st.fg(color(r.kind()), String.format("%-10s", r.kind().word))).append(' ').append(Diagnostics.safe(r.title()))
              .append("  ").append(st.dim(r.rrule() + (r.allDay() ? " from " + r.startDate() : " from " + r.start().toLocalDate() + " " + HM.format(r.start()))))
              .append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
