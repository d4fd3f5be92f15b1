package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kplan.export.Examples.Example;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Series;

class IcsWriterTest {
  static List<String> examples() {
    return Examples.names();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void parsesAndValidatesInIcal4jWithOneVeventPerEventAndSeries(String name) {
    Example x = Examples.load(name);
    for (IcsWriter.Detail d : IcsWriter.Detail.values()) {
      Calendar cal = IcsOracle.parse(x.ics(d));
      List<VEvent> vevents = IcsOracle.events(cal);
      Set<String> expected = new TreeSet<>();
      for (Event e : x.schedule().events()) if (e.series() == null) expected.add(e.id() + "@" + x.plan().id() + ".kplan");
      for (Series r : x.schedule().series()) expected.add(r.id() + "@" + x.plan().id() + ".kplan");
      Set<String> uids = new TreeSet<>();
      for (VEvent v : vevents) assertTrue(uids.add(IcsOracle.value(v, "UID")), "duplicate UID");
      assertEquals(expected, uids);
      assertEquals(1, cal.getComponents("VTIMEZONE").size());
      for (VEvent v : vevents) {
        assertEquals("20261126T090000Z", IcsOracle.value(v, "DTSTAMP"));
        assertEquals("0", IcsOracle.value(v, "SEQUENCE"));
        assertEquals("CONFIRMED", IcsOracle.value(v, "STATUS"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void instantsFromTheCalendarsOwnVtimezoneEqualTheSchedules(String name) {
    Example x = Examples.load(name);
    ZoneId zone = x.schedule().timezone();
    Calendar cal = IcsOracle.parseOwnZones(x.ics(IcsWriter.Detail.MINIMAL), zone.getId());
    Map<String, VEvent> byUid = byUid(cal);
    int checked = 0;
    for (Event e : x.schedule().events()) {
      if (e.series() != null) continue;
      VEvent v = byUid.get(e.id() + "@" + x.plan().id() + ".kplan");
      assertEquals(e.start().toInstant(), IcsOracle.instant(v, "DTSTART"), e.id() + " start");
      if (e.end().isAfter(e.start())) assertEquals(e.end().toInstant(), IcsOracle.instant(v, "DTEND"), e.id() + " end");
      else assertEquals(null, IcsOracle.value(v, "DTEND"), e.id() + ": a zero-length event has no DTEND");
      checked++;
    }
    assertTrue(checked > 10);
  }

  @Test
  void dosingSessionsAcrossTheUsAndUkDstChangesKeepTheirInstants() {
    Example ny = Examples.load("adult-new-york-dst");
    Map<String, VEvent> v = byUid(IcsOracle.parseOwnZones(ny.ics(IcsWriter.Detail.MINIMAL), "America/New_York"));
    // session 3 on Thu 2027-03-11 09:00 EST, session 4 on Mon 2027-03-15 09:00 EDT
    assertEquals(Instant.parse("2027-03-11T14:00:00Z"), IcsOracle.instant(v.get("ket-3@bni-2027-0057.kplan"), "DTSTART"));
    assertEquals(Instant.parse("2027-03-15T13:00:00Z"), IcsOracle.instant(v.get("ket-4@bni-2027-0057.kplan"), "DTSTART"));
    Example london = Examples.load("esketamine-london");
    Map<String, VEvent> l = byUid(IcsOracle.parseOwnZones(london.ics(IcsWriter.Detail.MINIMAL), "Europe/London"));
    for (Event e : london.schedule().events()) {
      if (e.kind() != EventKind.KETAMINE) continue;
      Instant got = IcsOracle.instant(l.get(e.id() + "@bni-2027-0073.kplan"), "DTSTART");
      assertEquals(e.start().toInstant(), got, e.id());
    }
    assertTrue(london.schedule().events().stream().anyMatch(e -> e.kind() == EventKind.KETAMINE && e.start().getOffset().getTotalSeconds() == 3600),
        "some London session falls in BST");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void seriesExpandInIcal4jToTheScheduledOccurrencesKeepingLocalTimeAcrossDst(String name) {
    Example x = Examples.load(name);
    ZoneId zone = x.schedule().timezone();
    String ics = x.ics(IcsWriter.Detail.MINIMAL);
    Map<String, VEvent> byUid = byUid(IcsOracle.parseOwnZones(ics, zone.getId()));
    for (Series r : x.schedule().series()) {
      VEvent v = byUid.get(r.id() + "@" + x.plan().id() + ".kplan");
      assertNotNull(v, r.id());
      assertTrue(ics.contains("\r\nRRULE:" + r.rrule() + "\r\n"), r.id());
      if (r.allDay()) {
        Set<LocalDate> dates = new TreeSet<>();
        for (Period<LocalDate> p : v.<LocalDate>calculateRecurrenceSet(new Period<>(r.startDate().minusDays(1), r.until().plusDays(2)))) {
          dates.add(p.getStart());
        }
        assertEquals(r.occurrences(), dates.size(), r.id());
        assertEquals(r.startDate(), ((TreeSet<LocalDate>) dates).first());
        assertFalse(((TreeSet<LocalDate>) dates).last().isAfter(r.until()));
        continue;
      }
      Set<Instant> got = new TreeSet<>();
      Set<LocalTime> localTimes = new HashSet<>();
      ZonedDateTime from = r.start().minusDays(1), to = r.until().plusDays(2).atStartOfDay(zone);
      for (Period<ZonedDateTime> p : v.<ZonedDateTime>calculateRecurrenceSet(new Period<>(from, to))) {
        got.add(p.getStart().toInstant());
        localTimes.add(p.getStart().toInstant().atZone(zone).toLocalTime());
      }
      assertEquals(Set.of(r.start().toLocalTime()), localTimes, r.id() + " keeps its local time");
      assertEquals(r.occurrences() - r.exdates().size(), got.size(), r.id() + " occurrences");
      if (r.kind() != EventKind.HABIT) {
        Set<Instant> scheduled = new TreeSet<>();
        for (Event e : x.schedule().events()) if (r.id().equals(e.series())) scheduled.add(e.start().toInstant());
        assertEquals(scheduled, got, r.id() + ": the series master stands for exactly its scheduled occurrences");
      }
    }
  }

  @Test
  void aDailyHabitCrossesTheDstChangeAtTheSameLocalTime() {
    Example ny = Examples.load("adult-new-york-dst");
    Series sleep = ny.schedule().series().stream().filter(r -> r.id().equals("habit-sleep")).findFirst().orElseThrow();
    VEvent v = byUid(IcsOracle.parseOwnZones(ny.ics(IcsWriter.Detail.MINIMAL), "America/New_York")).get("habit-sleep@bni-2027-0057.kplan");
    ZoneId z = ZoneId.of("America/New_York");
    List<Instant> got = new ArrayList<>();
    for (Period<ZonedDateTime> p : v.<ZonedDateTime>calculateRecurrenceSet(new Period<>(ZonedDateTime.of(2027, 3, 12, 0, 0, 0, 0, z), ZonedDateTime.of(2027, 3, 17, 0, 0, 0, 0, z)))) {
      got.add(p.getStart().toInstant());
    }
    got.sort(null);
    assertEquals(List.of(Instant.parse("2027-03-13T03:30:00Z"), Instant.parse("2027-03-14T03:30:00Z"), Instant.parse("2027-03-15T02:30:00Z"),
        Instant.parse("2027-03-16T02:30:00Z"), Instant.parse("2027-03-17T02:30:00Z")), got);
    assertEquals(LocalTime.of(22, 30), sleep.start().toLocalTime());
  }

  static final String MOVED = """
      version: 1
      kind: plan
      id: exdate-test
      extends: adult-iv-induction
      patient: { ref: P-9, weightKg: 70 }
      timezone: America/New_York
      start: 2027-03-01
      clinic:
        name: Test clinic
        hours: { mon-fri: "08:00-19:00" }
        closed: [2027-03-18]
      followUp:
        - { name: Family session, kind: family, every: 1w, day: thu, time: "17:00", duration: 60m, from: first-session, until: last-session + 2w }
      """;

  @Test
  void aMovedOccurrenceIsAnExdateOfItsSeriesAndAVeventOfItsOwn() {
    Example x = Examples.fromText("moved.yaml", MOVED);
    Series fam = x.schedule().series().get(0);
    assertEquals(List.of(ZonedDateTime.of(2027, 3, 18, 17, 0, 0, 0, ZoneId.of("America/New_York"))), fam.exdates());
    String ics = x.ics(IcsWriter.Detail.MINIMAL);
    assertTrue(ics.contains("EXDATE;TZID=America/New_York:20270318T170000\r\n"), ics);
    Map<String, VEvent> v = byUid(IcsOracle.parseOwnZones(ics, "America/New_York"));
    Event moved = x.schedule().events().stream().filter(e -> e.id().startsWith("fup-family") && e.series() == null).findFirst().orElseThrow();
    assertEquals(moved.start().toInstant(), IcsOracle.instant(v.get(moved.id() + "@exdate-test.kplan"), "DTSTART"));
    Set<Instant> expanded = new TreeSet<>();
    VEvent master = v.get(fam.id() + "@exdate-test.kplan");
    ZoneId z = ZoneId.of("America/New_York");
    for (Period<ZonedDateTime> p : master.<ZonedDateTime>calculateRecurrenceSet(new Period<>(fam.start().minusDays(1), fam.until().plusDays(2).atStartOfDay(z)))) {
      expanded.add(p.getStart().toInstant());
    }
    assertFalse(expanded.contains(Instant.parse("2027-03-18T21:00:00Z")), "the EXDATE removes the nominal occurrence");
    assertEquals(fam.occurrences() - 1, expanded.size());
  }

  @Test
  void remindersTheDayBeforeDosingAndAnHourBeforeTherapy() {
    Example x = Examples.load("adolescent-los-angeles");
    for (VEvent v : IcsOracle.events(IcsOracle.parse(x.ics(IcsWriter.Detail.MINIMAL)))) {
      String uid = IcsOracle.value(v, "UID");
      List<VAlarm> alarms = v.getAlarms();
      if (uid.startsWith("ket-")) {
        assertEquals(1, alarms.size(), uid);
        assertEquals("-P1D", alarms.get(0).getProperty("TRIGGER").orElseThrow().getValue());
        assertEquals("DISPLAY", alarms.get(0).getProperty("ACTION").orElseThrow().getValue());
        String text = alarms.get(0).getProperty("DESCRIPTION").orElseThrow().getValue();
        assertTrue(text.contains("take you home") && text.contains("Do not drive") && text.contains("after a night's sleep"), text);
      } else if (uid.startsWith("thr-")) {
        assertEquals(1, alarms.size(), uid);
        assertEquals("-PT1H", alarms.get(0).getProperty("TRIGGER").orElseThrow().getValue());
      } else {
        assertTrue(alarms.isEmpty(), uid);
      }
    }
  }

  /** The values a person sees: names, summaries, descriptions, places, categories, reminder texts. */
  private static final Pattern VISIBLE = Pattern.compile("(?m)^(X-WR-CALNAME|SUMMARY|DESCRIPTION|LOCATION|CATEGORIES|ORGANIZER[^:]*):(.*)$");

  @ParameterizedTest
  @MethodSource("examples")
  void minimalDetailSaysNoMoreThanItMust(String name) {
    Example x = Examples.load(name);
    String ics = unfold(x.ics(IcsWriter.Detail.MINIMAL));
    StringBuilder visible = new StringBuilder();
    for (Matcher m = VISIBLE.matcher(ics); m.find(); ) visible.append(m.group(2)).append('\n');
    String v = visible.toString().toLowerCase(Locale.ROOT);
    List<String> forbidden = new ArrayList<>(List.of("ketamine", "esketamine", "spravato", "mg", "dose", "phq", "c-ssrs", "pcl", "ptsd",
        "suicid", "depress", "cbt", "act)", "psychiatr", "induction", "maintenance", "moved from"));
    forbidden.add(x.plan().clinic().name().toLowerCase(Locale.ROOT));
    if (x.plan().patient().initials() != null) forbidden.add(x.plan().patient().initials().toLowerCase(Locale.ROOT));
    for (Event e : x.schedule().events()) {
      if (e.dose() != null) forbidden.add(e.dose().toLowerCase(Locale.ROOT));
      for (String n : e.notes()) forbidden.add(n.toLowerCase(Locale.ROOT));
    }
    for (String f : forbidden) assertFalse(v.contains(f), name + ": a minimal calendar shows \"" + f + "\"");
    assertTrue(v.contains(x.plan().patient().ref().toLowerCase(Locale.ROOT)), "the calendar name carries the patient reference");
    String full = unfold(x.ics(IcsWriter.Detail.FULL));
    assertTrue(full.contains(x.plan().clinic().name()), "full detail names the clinic");
    assertTrue(x.schedule().events().stream().filter(e -> e.dose() != null).allMatch(e -> full.contains(Ics.text(e.dose()))), "full detail gives doses");
  }

  @Test
  void sameInputsGiveTheSameBytes() {
    Example a = Examples.load("esketamine-london");
    Example b = Examples.load("esketamine-london");
    assertEquals(a.ics(IcsWriter.Detail.FULL), b.ics(IcsWriter.Detail.FULL));
  }

  @Test
  void sequenceStaysForUnchangedEventsAndRisesForChangedOnes() {
    Example x = Examples.load("adult-new-york-dst");
    String first = x.ics(IcsWriter.Detail.MINIMAL);
    // the same calendar again, a day later: every SEQUENCE stays
    IcsWriter.Options later = new IcsWriter.Options(Examples.NOW.plusSeconds(86_400), IcsWriter.Detail.MINIMAL, null, null, IcsPrior.parse(first));
    String again = IcsWriter.write(x.schedule(), later);
    assertFalse(again.contains("SEQUENCE:1"));
    assertTrue(IcsFiles.sameIgnoringStamp(first.getBytes(java.nio.charset.StandardCharsets.UTF_8), again.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    // the plan starts a week later: the sessions change (SEQUENCE 1), a renamed event would be new (0)
    Example moved = Examples.fromText("moved.yaml", text("adult-new-york-dst").replace("start: 2027-03-02", "start: 2027-03-09"));
    String second = IcsWriter.write(moved.schedule(), later);
    Map<String, VEvent> v = byUid(IcsOracle.parse(second));
    assertEquals("1", IcsOracle.value(v.get("ket-1@bni-2027-0057.kplan"), "SEQUENCE"));
    // and a third version over the second: changed again → 2, unchanged → stays
    String third = IcsWriter.write(x.schedule(), later.withPrior(IcsPrior.parse(second)));
    assertEquals("2", IcsOracle.value(byUid(IcsOracle.parse(third)).get("ket-1@bni-2027-0057.kplan"), "SEQUENCE"));
    String fourth = IcsWriter.write(x.schedule(), later.withPrior(IcsPrior.parse(third)));
    assertEquals(third, fourth);
  }

  @Test
  void allDayHabitsAreDateValuedSeries() {
    Example x = Examples.load("ptsd-berlin");
    String ics = x.ics(IcsWriter.Detail.MINIMAL);
    Series s = x.schedule().series().stream().filter(Series::allDay).findFirst().orElseThrow();
    String block = ics.substring(ics.indexOf("UID:" + s.id() + "@"));
    block = block.substring(0, block.indexOf("END:VEVENT"));
    assertTrue(block.contains("DTSTART;VALUE=DATE:" + Ics.date(s.startDate()) + "\r\n"), block);
    assertTrue(block.contains("DTEND;VALUE=DATE:" + Ics.date(s.startDate().plusDays(1)) + "\r\n"), block);
    assertTrue(block.contains("TRANSP:TRANSPARENT"), block);
  }

  @Test
  void anEmptyishNameStillMakesAValidCalendar() {
    Example x = Examples.fromText("odd.yaml", MOVED.replace("ref: P-9", "ref: \"P,9;\\\\x\"").replace("name: Test clinic", "name: \"Clinic: \\\"A\\\", B; C\""));
    String ics = IcsWriter.write(x.schedule(), x.options(IcsWriter.Detail.FULL));
    IcsOracle.parse(ics);
    assertTrue(ics.contains("X-WR-CALNAME:Schedule P\\,9\\;\\\\x (exdate-test)\r\n"), ics.substring(0, 400));
    assertTrue(ics.contains("ORGANIZER;CN=\"Clinic: 'A', B; C\":mailto:calendar@kplan.invalid"), ics);
  }

  static String text(String example) {
    try {
      return java.nio.file.Files.readString(Examples.DIR.resolve(example + ".yaml"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, VEvent> byUid(Calendar cal) {
    Map<String, VEvent> m = new HashMap<>();
    for (VEvent v : IcsOracle.events(cal)) m.put(IcsOracle.value(v, "UID"), v);
    return m;
  }

  static String unfold(String ics) {
    return ics.replace("\r\n ", "").replace("\r\n", "\n");
  }
}
