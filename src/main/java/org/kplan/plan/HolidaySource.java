package org.kplan.plan;

import java.time.LocalDate;
import java.util.Map;

/** Public holidays for a calendar code such as {@code US-CA}: date to holiday name. */
@FunctionalInterface
public interface HolidaySource {
  Map<LocalDate, String> holidays(String code, LocalDate from, LocalDate to);

  /** No holidays. A class, not a lambda: linking a lambda costs more at start-up. */
  HolidaySource NONE = new HolidaySource() {
    @Override
    public Map<LocalDate, String> holidays(String code, LocalDate from, LocalDate to) {
      return Map.of();
    }
  };
}
