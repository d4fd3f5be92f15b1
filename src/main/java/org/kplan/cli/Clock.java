package org.kplan.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Where {@code now} comes from: {@code --now}, else {@code SOURCE_DATE_EPOCH}, else the system clock. */
final class Clock {
  private Clock() {}

  static Instant now(String option, Context ctx) throws UsageException {
    if (option != null) return parse(option);
    String epoch = ctx.env("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
      } catch (NumberFormatException | DateTimeException e) {
        throw new UsageException("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01T00:00:00Z, found \"" + epoch + "\"");
      }
    }
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  static Instant parse(String s) throws UsageException {
    String t = s.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      // try the other forms
    }
    if (t.matches("\\d{1,12}")) return Instant.ofEpochSecond(Long.parseLong(t));
    throw new UsageException("--now expects an instant such as 2026-11-26T09:00:00Z (or a date, or epoch seconds), found \"" + s + "\"");
  }
}
