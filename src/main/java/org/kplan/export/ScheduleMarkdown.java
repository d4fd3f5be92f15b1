package org.kplan.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kplan.plan.PlanDuration;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/**
 * A printable handout for the patient and family: appointments by week in plain words, the daily
 * habits, and what to remember on dosing days. No internal ids, no findings.
 */
public final class ScheduleMarkdown {
  private ScheduleMarkdown() {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  public static void write(Schedule s, String clinicName, Appendable out) {
    try {
      out.append("# Treatment schedule").append(s.patient() == null ? "" : " for " + s.patient()).append("\n\n");
      if (clinicName != null) out.append("Clinic: ").append(esc(clinicName)).append("  \n");
      out.append("All times are local to ").append(s.timezone().getId()).append(".\n\n");
      out.append("On dosing days: someone must take you home, and you must not drive, cycle or operate machinery until the next day after a night's sleep.\n\n");
      out.append("## Appointments\n");
      LocalDate week = null;
      for (Event e : s.events()) {
        if (e.kind() == EventKind.TASK) continue;
        LocalDate ws = e.start().toLocalDate().minusDays(e.start().getDayOfWeek().getValue() - 1L);
        if (!ws.equals(week)) {
          week = ws;
          out.append("\n### Week of ").append(DAY.format(ws)).append("\n\n");
          out.append("| Day | Time | Appointment |\n|---|---|---|\n");
        }
        out.append("| ").append(DAY.format(e.start())).append(" | ").append(range(e.start(), e.end()))
            .append(" | ").append(esc(title(e))).append(" |\n");
      }
      if (s.series().stream().anyMatch(r -> r.kind() == EventKind.HABIT)) {
        out.append("\n## Daily habits\n\n");
        for (Series r : s.series()) {
          if (r.kind() != EventKind.HABIT) continue;
          out.append("- ").append(esc(r.title())).append(": ").append(when(r)).append(", until ")
              .append(DAY.format(r.until())).append("\n");
        }
      }
      out.append("\nIf you cannot come to an appointment, call the clinic as early as you can.\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String title(Event e) {
    return switch (e.kind()) {
      case KETAMINE -> "Treatment session " + e.session() + " (arrive early; allow time to rest afterwards until " + HM.format(e.end()) + ")";
      case THERAPY -> "Therapy session";
      default -> e.title();
    };
  }

  private static String when(Series r) {
    String rule = r.rrule();
    String base;
    if (rule.startsWith("FREQ=DAILY") && !rule.contains("INTERVAL")) base = "every day";
    else if (rule.contains("BYDAY=")) {
      String days = rule.replaceAll(".*BYDAY=([A-Z,]+).*", "$1");
      base = "every " + days.replace("MO", "Monday").replace("TU", "Tuesday").replace("WE", "Wednesday")
          .replace("TH", "Thursday").replace("FR", "Friday").replace("SA", "Saturday").replace("SU", "Sunday").replace(",", ", ");
    } else if (rule.startsWith("FREQ=WEEKLY")) base = "every " + rule.replaceAll(".*INTERVAL=(\\d+).*", "$1") + " weeks";
    else base = "every " + rule.replaceAll(".*INTERVAL=(\\d+).*", "$1") + " days";
    if (rule.startsWith("FREQ=WEEKLY") && !rule.contains("INTERVAL") && !rule.contains("BYDAY")) base = "every week";
    if (!r.allDay()) base += " at " + HM.format(r.start());
    if (!r.allDay() && !r.duration().isZero()) base += " for " + words(r.duration());
    return base;
  }

  private static String words(PlanDuration d) {
    long m = d.minutes();
    if (m % 60 == 0) return (m / 60) + (m == 60 ? " hour" : " hours");
    if (m < 60) return m + " minutes";
    return (m / 60) + " h " + (m % 60) + " min";
  }

  private static String range(ZonedDateTime a, ZonedDateTime b) {
    return HM.format(a) + "–" + HM.format(b);
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\r", " ").replace("\n", " ");
  }
}
