package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The holiday table the build computes says what Jollyday says, for the calendars kplan accepts. */
class HolidayTableTest {
  @Test
  void theTableHasExactlyTheCalendarsKplanAccepts() {
    List<String> all = new ArrayList<>(HolidayTable.jollydayCodes());
    assertTrue(all.size() > 400, "Jollyday offers " + all.size());
    for (String code : all) {
      assertEquals(HolidayCalendars.checkUncached(code) == null, HolidayTable.has(code), code);
    }
    assertTrue(HolidayTable.has("us-ca"), "any case");
    assertTrue(HolidayTable.has(" DE_BE "), "underscore and spaces, as check() accepts them");
    assertFalse(HolidayTable.has("XX"));
    // upper-casing would turn these into US-CA and IN; Jollyday's check does not accept them
    for (String odd : new String[] {"u\u017F-CA", "\u0131N", "US-C\u0391"}) {
      assertFalse(HolidayTable.has(odd), odd);
      assertNull(HolidayTable.years(odd), odd);
      assertNotNull(HolidayCalendars.check(odd), odd + " is refused, as Jollyday refuses it");
    }
    assertNull(HolidayTable.years("XX"));
  }

  @Test
  void everyYearOfTheTableIsWhatJollydayGivesForThatYear() {
    List<String> codes = new ArrayList<>(List.of("US", "US-CA", "US-NY", "GB", "GB-SCT", "DE-BE", "AU-NSW", "JP", "CA-QC", "FR", "IN", "BR"));
    List<String> all = new ArrayList<>(HolidayTable.jollydayCodes());
    Random r = new Random(42);
    for (int i = 0; i < 25; i++) codes.add(all.get(r.nextInt(all.size())));
    for (String code : codes) {
      if (!HolidayTable.has(code)) continue;
      Map<Integer, Map<LocalDate, String>> table = HolidayTable.years(code);
      assertNotNull(table, code);
      for (int y = HolidayTable.FIRST; y <= HolidayTable.LAST; y++) {
        assertEquals(HolidayCalendars.load(code, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), table.get(y), code + " " + y);
      }
    }
  }

  @Test
  void plansGetTheTableInsideItsYearsAndJollydayOutside() {
    Map<LocalDate, String> inside = HolidayCalendars.INSTANCE.holidays("US", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));
    assertEquals("Independence Day", inside.get(LocalDate.of(2030, 7, 4)));
    Map<LocalDate, String> outside = HolidayCalendars.INSTANCE.holidays("US", LocalDate.of(2050, 1, 1), LocalDate.of(2050, 12, 31));
    assertEquals("Independence Day", outside.get(LocalDate.of(2050, 7, 4)));
    assertEquals(HolidayCalendars.load("US", LocalDate.of(2050, 1, 1), LocalDate.of(2050, 12, 31)), outside);
  }
}
