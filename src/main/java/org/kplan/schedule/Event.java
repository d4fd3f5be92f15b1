package org.kplan.schedule;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * One scheduled item with a start and an end in the plan's time zone.
 *
 * @param id stable for the same plan: {@code ket-N}, {@code thr-N-K}, {@code task-N-NAME}, {@code fup-NAME-K}
 * @param session the dosing session this belongs to (ketamine, therapy, task), else null
 * @param dosingEnd ketamine only: when administration ends and monitoring begins
 * @param dose ketamine only: as planned, per-kg doses with the computed mg
 * @param window therapy only: the post-dose window it had to start in
 * @param category the task, follow-up or therapy kind (vitals, family, CBT ...), or null
 * @param series the recurring series this occurrence belongs to, or null
 * @param notes why the event is not where the plan first put it, and DST adjustments
 */
public record Event(
    String id,
    EventKind kind,
    String title,
    ZonedDateTime start,
    ZonedDateTime end,
    String phase,
    Integer session,
    ZonedDateTime dosingEnd,
    String dose,
    Window window,
    String category,
    String series,
    List<String> notes) {

  /** By start instant, then kind, then id; compares epoch seconds and nanos without making Instants. */
  public static final Comparator<Event> ORDER = new Comparator<>() {
    @Override
    public int compare(Event a, Event b) {
      int c = Long.compare(a.start.toEpochSecond(), b.start.toEpochSecond());
      if (c == 0) c = Integer.compare(a.start.getNano(), b.start.getNano());
      if (c == 0) c = a.kind.compareTo(b.kind);
      if (c == 0) c = a.id.compareTo(b.id);
      return c;
    }
  };

  public Event {
    notes = List.copyOf(notes);
  }

  /** The time span a therapy session had to start in: from window start to window end. */
  public record Window(ZonedDateTime start, ZonedDateTime end) {}
}
