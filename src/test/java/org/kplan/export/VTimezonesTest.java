package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class VTimezonesTest {
  private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2028-01-31T00:00:00Z");

  /** ical4j's reading of the VTIMEZONE we write for {@code zone} over [from, to]. */
  static ZoneRules ical4j(ZoneId zone, Instant from, Instant to) {
    StringBuilder b = new StringBuilder();
    Ics.fold("BEGIN:VCALENDAR", b);
    Ics.fold("PRODID:-//kplan//test//EN", b);
    Ics.fold("VERSION:2.0", b);
    for (String l : VTimezones.lines(zone, from, to)) Ics.fold(l.equals("TZID:" + zone.getId()) ? "TZID:Test-Zone" : l, b);
    Ics.fold("END:VCALENDAR", b);
    Calendar cal = IcsOracle.parseOnly(b.toString());
    try {
      return new ZoneRulesBuilder().vTimeZone((VTimeZone) cal.getComponents("VTIMEZONE").get(0)).build();
    } catch (Exception e) {
      throw new AssertionError(zone + ": " + e, e);
    }
  }

  /** Offsets at every transition (just before and after) and every 61 hours; local times resolve alike, gaps and overlaps included. */
  static void assertSameOffsets(ZoneId zone, Instant from, Instant to) {
    ZoneRules want = zone.getRules();
    ZoneRules got = ical4j(zone, from, to);
    List<Instant> probes = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(61))) probes.add(t);
    for (ZoneOffsetTransition t : VTimezones.transitions(want, from, to)) {
      probes.add(t.getInstant().minusSeconds(1));
      probes.add(t.getInstant());
      probes.add(t.getInstant().plusSeconds(1800));
    }
    for (Instant t : probes) {
      assertEquals(want.getOffset(t), got.getOffset(t), zone + " at " + t);
      LocalDateTime local = LocalDateTime.ofInstant(t, zone);
      assertEquals(want.getValidOffsets(local), got.getValidOffsets(local), zone + " local " + local);
    }
    for (ZoneOffsetTransition t : VTimezones.transitions(want, from, to)) {
      // inside a gap or an overlap
      LocalDateTime mid = t.getDateTimeBefore().plusSeconds(Math.abs(t.getDuration().getSeconds()) / 2);
      LocalDateTime in = t.isGap() ? t.getDateTimeBefore().plus(t.getDuration().dividedBy(2)) : t.getDateTimeAfter().plus(t.getDuration().abs().dividedBy(2));
      assertEquals(want.getValidOffsets(in), got.getValidOffsets(in), zone + " in transition at " + in + " / " + mid);
    }
  }

  @Test
  void everyZoneWithTransitionsRoundTripsThroughIcal4j() {
    TreeSet<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
    ids.removeIf(id -> id.startsWith("ical4j") || id.startsWith("SystemV/"));
    int rules = 0, fixed = 0;
    for (String id : ids) {
      ZoneId z = ZoneId.of(id);
      VTimezones.Shape shape = VTimezones.shape(z, FROM, TO);
      // zones with one offset throughout are one STANDARD each: check every tenth of them
      if (shape == VTimezones.Shape.FIXED && fixed++ % 10 != 0) continue;
      assertSameOffsets(z, FROM, TO);
      if (shape == VTimezones.Shape.RULES) rules++;
    }
    assertTrue(ids.size() > 400 && rules > 100 && fixed > 100, ids.size() + " zones, " + rules + " with rules, " + fixed + " fixed");
  }

  @Test
  void shapes() {
    assertEquals(VTimezones.Shape.RULES, VTimezones.shape(ZoneId.of("America/New_York"), FROM, TO));
    assertEquals(VTimezones.Shape.RULES, VTimezones.shape(ZoneId.of("Australia/Sydney"), FROM, TO));
    assertEquals(VTimezones.Shape.FIXED, VTimezones.shape(ZoneId.of("Asia/Tokyo"), FROM, TO));
    assertEquals(VTimezones.Shape.FIXED, VTimezones.shape(ZoneId.of("UTC"), FROM, TO));
    // abolished DST in 2022: one offset ever since
    assertEquals(VTimezones.Shape.FIXED, VTimezones.shape(ZoneId.of("America/Mexico_City"), FROM, TO));
    // Ramadan changes: transitions without yearly rules
    assertEquals(VTimezones.Shape.EXPLICIT, VTimezones.shape(ZoneId.of("Africa/Casablanca"), FROM, TO));
  }

  @Test
  void newYorkIsTwoYearlyRulesInTheTzDatabasesOwnForm() {
    String text = String.join("\n", VTimezones.lines(ZoneId.of("America/New_York"), FROM, TO));
    assertEquals("""
        BEGIN:VTIMEZONE
        TZID:America/New_York
        BEGIN:DAYLIGHT
        DTSTART:20090308T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14
        TZOFFSETFROM:-0500
        TZOFFSETTO:-0400
        TZNAME:EDT
        END:DAYLIGHT
        BEGIN:STANDARD
        DTSTART:20091101T020000
        RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7
        TZOFFSETFROM:-0400
        TZOFFSETTO:-0500
        TZNAME:EST
        END:STANDARD
        END:VTIMEZONE""", text);
  }

  @Test
  void europesLastSundayIsTheSundayOnOrAfterThe25thInWallTime() {
    // the EU rule is "last Sunday, 01:00 UTC": 02:00 local in Berlin in March, 03:00 (summer time) in October
    String text = String.join("\n", VTimezones.lines(ZoneId.of("Europe/Berlin"), FROM, TO));
    assertTrue(text.contains("DTSTART:19980329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=25,26,27,28,29,30,31"), text);
    assertTrue(text.contains("DTSTART:19981025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=SU;BYMONTHDAY=25,26,27,28,29,30,31"), text);
  }

  @Test
  void historicalSpansAcrossARuleChangeUseExplicitOnsets() {
    // the US moved its DST dates in 2007: a span from 2006 to 2008 cannot be one pair of rules
    ZoneId ny = ZoneId.of("America/New_York");
    Instant from = Instant.parse("2006-01-01T00:00:00Z"), to = Instant.parse("2008-12-31T00:00:00Z");
    assertEquals(VTimezones.Shape.EXPLICIT, VTimezones.shape(ny, from, to));
    List<String> lines = VTimezones.lines(ny, from, to);
    assertTrue(lines.contains("DTSTART:20070311T020000") && lines.contains("RDATE:20070311T020000"), lines.toString());
    assertSameOffsets(ny, from, to);
    assertSameOffsets(ZoneId.of("Europe/Moscow"), Instant.parse("2010-01-01T00:00:00Z"), Instant.parse("2015-12-31T00:00:00Z"));
  }

  /** What is kept per zone (the rules shape, the abbreviations) gives what computing afresh gives, for every zone and many spans. */
  @Test
  void keptPerZoneAsMadeAfresh() {
    java.util.Random r = new java.util.Random(3);
    List<String> zones = new java.util.ArrayList<>(ZoneId.getAvailableZoneIds());
    java.util.Collections.sort(zones);
    for (String id : zones) {
      ZoneId z = ZoneId.of(id);
      for (int k = 0; k < 6; k++) {
        Instant from = Instant.parse("1990-01-01T00:00:00Z").plusSeconds((long) (r.nextDouble() * 60 * 365.25 * 86_400));
        Instant to = from.plusSeconds((long) (r.nextDouble() * (k % 3 == 0 ? 40 : 2) * 365.25 * 86_400));
        if (k == 5) to = from.minusSeconds(3600);
        assertEquals(VTimezones.uncached(z, from, to), VTimezones.lines(z, from, to), id + " " + from + " " + to);
        assertEquals(VTimezones.uncachedName(z, from), VTimezones.cachedName(z, from), id + " " + from);
        assertEquals(VTimezones.uncachedName(z, to), VTimezones.cachedName(z, to), id + " " + to);
      }
    }
  }
}
