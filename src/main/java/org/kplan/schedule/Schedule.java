package org.kplan.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/** The engine's result: events sorted by start, series, and findings sorted by place. */
public record Schedule(
    String plan,
    String patient,
    ZoneId timezone,
    LocalDate planEnd,
    List<Event> events,
    List<Series> series,
    List<Finding> findings) {

  public Schedule {
    events = List.copyOf(events);
    series = List.copyOf(series);
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    for (Finding f : findings) if (f.severity() == Severity.ERROR) return true;
    return false;
  }

  public Schedule withFindings(List<Finding> all) {
    List<Finding> sorted = new ArrayList<>(all);
    java.util.Collections.sort(sorted);
    return new Schedule(plan, patient, timezone, planEnd, events, series, sorted);
  }
}
