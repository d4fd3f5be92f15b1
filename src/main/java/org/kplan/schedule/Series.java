package org.kplan.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.kplan.plan.PlanDuration;

/**
 * A recurring item kept as a rule, not as single events: habits, and recurring follow-ups (whose
 * occurrences also appear as events). {@code start} is null for all-day series, which use
 * {@code startDate}. {@code rrule} is an RFC 5545 recurrence rule; {@code exdates} are nominal
 * occurrences that moved (they appear as separate events).
 */
public record Series(
    String id,
    EventKind kind,
    String title,
    String category,
    ZonedDateTime start,
    LocalDate startDate,
    PlanDuration duration,
    String rrule,
    LocalDate until,
    int occurrences,
    List<ZonedDateTime> exdates) {

  public Series {
    exdates = List.copyOf(exdates);
  }

  public boolean allDay() {
    return start == null;
  }
}
