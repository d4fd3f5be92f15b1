package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PlanDurationTest {
  @Test
  void shortForms() {
    assertEquals(new PlanDuration(false, 0, 40), PlanDuration.parse("40m", false));
    assertEquals(new PlanDuration(false, 0, 90), PlanDuration.parse("1h30m", false));
    assertEquals(new PlanDuration(false, 3, 0), PlanDuration.parse("3d", false));
    assertEquals(new PlanDuration(false, 14, 0), PlanDuration.parse("2w", false));
    assertEquals(new PlanDuration(true, 0, 15), PlanDuration.parse("-15m", true));
    assertEquals(new PlanDuration(false, 0, 160), PlanDuration.parse("+2h40m", true));
  }

  @Test
  void isoForms() {
    assertEquals(new PlanDuration(false, 0, 40), PlanDuration.parse("PT40M", false));
    assertEquals(new PlanDuration(false, 14, 0), PlanDuration.parse("P2W", false));
    assertEquals(new PlanDuration(false, 1, 120), PlanDuration.parse("P1DT2H", false));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanDuration.parse("40", false));
    assertTrue(e.getMessage().contains("needs a unit"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PlanDuration.parse("2 fortnights", false));
    assertThrows(IllegalArgumentException.class, () -> PlanDuration.parse("-15m", false));
    assertThrows(IllegalArgumentException.class, () -> PlanDuration.parse("PT30S", false));
  }

  @Test
  void daysAreCalendarDaysAndHoursAreElapsed() {
    ZoneId ny = ZoneId.of("America/New_York");
    ZonedDateTime beforeDst = ZonedDateTime.of(2027, 3, 13, 9, 0, 0, 0, ny);
    // one calendar day keeps 09:00 across the spring-forward night
    assertEquals(9, PlanDuration.parse("1d", false).addTo(beforeDst).getHour());
    // 24 elapsed hours land at 10:00 local
    assertEquals(10, PlanDuration.parse("24h", false).addTo(beforeDst).getHour());
  }

  @Test
  void printsCanonically() {
    assertEquals("2h40m", PlanDuration.parse("160m", false).toString());
    assertEquals("2w", PlanDuration.parse("14d", false).toString());
    assertEquals("PT2H40M", PlanDuration.parse("2h40m", false).iso());
    assertEquals("P14D", PlanDuration.parse("2w", false).iso());
  }
}
