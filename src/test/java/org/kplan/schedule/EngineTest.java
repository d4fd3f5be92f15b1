package org.kplan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kplan.support.TestPlans.BASE;
import static org.kplan.support.TestPlans.event;
import static org.kplan.support.TestPlans.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kplan.export.ScheduleJson;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.plan.Severity;
import org.kplan.support.TestPlans;

class EngineTest {
  private static String t(ZonedDateTime z) {
    return ScheduleJson.time(z);
  }

  private static List<Event> kind(Schedule s, EventKind k) {
    return s.events().stream().filter(e -> e.kind() == k).toList();
  }

  @Test
  void perWeekPhasePlacesSessionsOnThePreferredDays() throws Exception {
    Schedule s = schedule(BASE);
    List<Event> ket = kind(s, EventKind.KETAMINE);
    assertEquals(List.of("2027-03-01T09:00:00-05:00", "2027-03-04T09:00:00-05:00", "2027-03-08T09:00:00-05:00", "2027-03-11T09:00:00-05:00"),
        ket.stream().map(e -> t(e.start())).toList());
    Event k1 = ket.get(0);
    assertEquals("2027-03-01T09:40:00-05:00", t(k1.dosingEnd()));
    assertEquals("2027-03-01T11:40:00-05:00", t(k1.end()));
    assertEquals("0.5 mg/kg (30 mg)", k1.dose());
    assertEquals("induction", k1.phase());
    assertTrue(s.findings().isEmpty(), s.findings().toString());
  }

  @Test
  void perWeekWithoutDaysSpreadsEvenly() throws Exception {
    Schedule s = schedule(BASE.replace("  days: [mon, thu]\n", "").replace("perWeek: 2", "perWeek: 3").replace("sessions: 4", "sessions: 3"));
    assertEquals(List.of("2027-03-01", "2027-03-03", "2027-03-05"),
        kind(s, EventKind.KETAMINE).stream().map(e -> e.start().toLocalDate().toString()).toList());
  }

  @Test
  void everyPhaseFollowsOneIntervalAfterThePhaseBefore() throws Exception {
    Schedule s = schedule(BASE.replace("    - { name: induction, sessions: 4, perWeek: 2 }\n",
        "    - { name: induction, sessions: 2, perWeek: 2 }\n    - { name: maintenance, sessions: 3, every: 2w, dose: { mgPerKg: 0.75 } }\n"));
    List<Event> ket = kind(s, EventKind.KETAMINE);
    assertEquals(List.of("2027-03-01", "2027-03-04", "2027-03-18", "2027-04-01", "2027-04-15"),
        ket.stream().map(e -> e.start().toLocalDate().toString()).toList());
    assertEquals("maintenance", ket.get(2).phase());
    assertEquals("0.75 mg/kg (45 mg)", ket.get(2).dose());
    // across the US spring-forward (2027-03-14) the local time is kept
    assertEquals("2027-03-18T09:00:00-04:00", t(ket.get(2).start()));
  }

  @Test
  void closedDayMovesTheSessionToTheNextPossibleSlotWithANote() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\" }\n  closed: [2027-03-04]"));
    Event k2 = event(s, "ket-2");
    assertEquals("2027-03-05T09:00:00-05:00", t(k2.start()));
    assertEquals(List.of("Moved from Thu 2027-03-04 09:00: clinic closed on 2027-03-04"), k2.notes());
    assertEquals("2027-03-08T09:00:00-05:00", t(event(s, "ket-3").start()), "later sessions keep their days");
  }

  @Test
  void closedRangeAndWeekendPushSessionPastTheRange() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\" }\n  closed: [\"2027-03-04..2027-03-08\"]"));
    Event k2 = event(s, "ket-2");
    assertEquals("2027-03-09T09:00:00-05:00", t(k2.start()));
    assertTrue(k2.notes().get(0).contains("clinic closed 2027-03-04 to 2027-03-08"), k2.notes().toString());
    assertEquals("2027-03-11T09:00:00-05:00", t(event(s, "ket-3").start()));
    assertEquals(4, kind(s, EventKind.KETAMINE).size(), "no session is dropped");
  }

  @Test
  void perWeekIsARollingLimitSoAMoveCanPushTheNextSession() throws Exception {
    // Monday 2027-03-08 is closed: session 3 moves to Tuesday; Thursday stays; the next Monday
    // would be the third session in 7 days (Tue, Thu, Mon), so it moves to Tuesday too
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\" }\n  closed: [2027-03-08]")
        .replace("sessions: 4", "sessions: 6"));
    assertEquals(List.of("2027-03-01", "2027-03-04", "2027-03-09", "2027-03-11", "2027-03-16", "2027-03-18"),
        kind(s, EventKind.KETAMINE).stream().map(e -> e.start().toLocalDate().toString()).toList());
    assertEquals(List.of("Moved from Mon 2027-03-15 09:00: 2 sessions of induction already in the 7 days up to 2027-03-15"),
        event(s, "ket-5").notes());
  }

  @Test
  void everyPhaseCountsFromTheSessionAsPlaced() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\" }\n  closed: [2027-03-18]")
        .replace("    - { name: induction, sessions: 4, perWeek: 2 }\n",
            "    - { name: induction, sessions: 2, perWeek: 2 }\n    - { name: maintenance, sessions: 3, every: 2w }\n"));
    // 2027-03-18 is closed: session 3 moves to Friday, and session 4 comes two weeks after it
    assertEquals(List.of("2027-03-01", "2027-03-04", "2027-03-19", "2027-04-02", "2027-04-16"),
        kind(s, EventKind.KETAMINE).stream().map(e -> e.start().toLocalDate().toString()).toList());
  }

  @Test
  void spacingMovesASessionAndSaysWhy() throws Exception {
    Schedule s = schedule(BASE.replace("days: [mon, thu]", "days: [mon, tue]"));
    Event k2 = event(s, "ket-2");
    assertEquals("2027-03-03T09:00:00-05:00", t(k2.start()));
    assertEquals(List.of("Moved from Tue 2027-03-02 09:00: less than 48h after session 1"), k2.notes());
    assertEquals("2027-03-08T09:00:00-05:00", t(event(s, "ket-3").start()));
    List<Event> ket = kind(s, EventKind.KETAMINE);
    for (int i = 1; i < ket.size(); i++) {
      assertFalse(Duration.between(ket.get(i - 1).start(), ket.get(i).start()).compareTo(Duration.ofHours(48)) < 0);
    }
  }

  @Test
  void sessionThatDoesNotFitClinicHoursMovesLaterInTheDay() throws Exception {
    Schedule s = schedule(BASE.replace("time: \"09:00\"", "time: \"07:00\""));
    Event k1 = event(s, "ket-1");
    assertEquals("2027-03-01T08:00:00-05:00", t(k1.start()));
    assertTrue(k1.notes().get(0).startsWith("Moved from Mon 2027-03-01 07:00: dosing and monitoring"), k1.notes().toString());
  }

  @Test
  void unplaceableSessionIsAnErrorFindingNotASilentDrop() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-10:00\" }"));
    assertTrue(kind(s, EventKind.KETAMINE).isEmpty());
    assertEquals(4, s.findings().stream().filter(f -> f.rule().equals(Codes.KET_UNPLACEABLE)).count());
    Finding f = s.findings().get(0);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(18, f.pos().line(), "points at the phase");
  }

  @Test
  void therapyIsPlacedOnThePreferredDayInsideTheWindowAfterMonitoring() throws Exception {
    Schedule s = schedule(BASE);
    Event th = event(s, "thr-1-1");
    assertEquals("2027-03-02T16:00:00-05:00", t(th.start()));
    assertEquals("2027-03-02T16:50:00-05:00", t(th.end()));
    assertEquals("2027-03-02T09:00:00-05:00", t(th.window().start()));
    assertEquals("2027-03-04T09:00:00-05:00", t(th.window().end()));
    assertEquals(1, th.session());
    for (Event e : kind(s, EventKind.THERAPY)) {
      Event k = event(s, "ket-" + e.session());
      assertFalse(e.start().isBefore(k.end()), "never during monitoring");
      assertFalse(e.start().isBefore(e.window().start()));
      assertFalse(e.end().isAfter(e.window().end()));
    }
  }

  @Test
  void therapyFallsBackToTheNextPossibleSlot() throws Exception {
    // Friday session; preferred Saturday is closed; Monday 08:00-08:50 is the last slot before the window closes at 09:00
    Schedule s = schedule(BASE.replace("days: [mon, thu]", "days: [mon, fri]"));
    Event th = event(s, "thr-2-1");
    assertEquals("2027-03-08T08:00:00-05:00", t(th.start()));
    assertEquals(List.of("Not at the preferred Sat 2027-03-06 16:00: clinic closed on Saturdays"), th.notes());
  }

  @Test
  void unplaceableTherapyIsAnErrorFindingAndNoEventIsInvented() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon: \"08:00-18:00\", wed-fri: \"08:00-18:00\" }")
        .replace("window: { from: 24h, to: 72h }", "window: { from: 24h, to: 26h }"));
    List<Finding> thr = s.findings().stream().filter(f -> f.rule().equals(Codes.THR_UNPLACEABLE)).toList();
    assertEquals(List.of("ket-1", "ket-3"), thr.stream().map(Finding::event).toList());
    assertEquals(Severity.ERROR, thr.get(0).severity());
    assertTrue(thr.get(0).message().contains("clinic closed on Tuesdays"), thr.get(0).message());
    assertTrue(s.events().stream().noneMatch(e -> e.id().equals("thr-1-1")));
    assertEquals("2027-03-05T09:00:00-05:00", t(event(s, "thr-2-1").start()));
    assertTrue(s.hasErrors());
  }

  @Test
  void sessionTasksAreOffsetFromTheSessionStart() throws Exception {
    Schedule s = schedule(BASE.replace("  phases:\n", ""
        + "  sessionTasks:\n"
        + "    - { name: \"Vitals: BP, HR, SpO2\", at: -15m }\n"
        + "    - { name: \"Suicide-risk screening (C-SSRS)\", at: -30m }\n"
        + "    - { name: \"Escort home; no driving until the next day\", at: +2h40m }\n"
        + "  phases:\n"));
    Event v = event(s, "task-2-vitals");
    assertEquals("2027-03-04T08:45:00-05:00", t(v.start()));
    assertEquals("vitals", v.category());
    assertEquals("suicide-screening", event(s, "task-2-suicide-risk-screening").category());
    Event esc = event(s, "task-2-escort-home");
    assertEquals("2027-03-04T11:40:00-05:00", t(esc.start()));
    assertEquals("escort", esc.category());
  }

  @Test
  void dstSpringForwardKeepsLocalTimesAndMovesNonexistentTimes() throws Exception {
    String berlin = BASE.replace("America/New_York", "Europe/Berlin")
        .replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-sun: \"00:00-24:00\" }")
        .replace("start: 2027-03-01", "start: 2027-03-27")
        .replace("days: [mon, thu]", "days: [sat, sun]")
        .replace("time: \"09:00\"", "time: \"02:30\"")
        .replace("minSpacing: 48h", "minSpacing: 20h")
        .replace("sessions: 4", "sessions: 2");
    Schedule s = schedule(berlin);
    Event k1 = event(s, "ket-1");
    Event k2 = event(s, "ket-2");
    assertEquals("2027-03-27T02:30:00+01:00", t(k1.start()));
    // 02:30 does not exist on 2027-03-28 in Berlin: it moves forward by the gap
    assertEquals("2027-03-28T03:30:00+02:00", t(k2.start()));
    assertEquals(List.of("Local time 02:30 does not exist on 2027-03-28 (clocks go forward); moved to 03:30"), k2.notes());
    // monitoring is elapsed time: 2h40m after 03:30+02:00
    assertEquals("2027-03-28T06:10:00+02:00", t(k2.end()));
  }

  @Test
  void dstFallBackTakesTheEarlierOffsetForAmbiguousTimes() throws Exception {
    String la = BASE.replace("America/New_York", "America/Los_Angeles")
        .replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-sun: \"00:00-24:00\" }")
        .replace("start: 2027-03-01", "start: 2026-10-31")
        .replace("days: [mon, thu]", "days: [sat, sun]")
        .replace("time: \"09:00\"", "time: \"01:30\"")
        .replace("minSpacing: 48h", "minSpacing: 20h")
        .replace("sessions: 4", "sessions: 2");
    Schedule s = schedule(la);
    Event k2 = event(s, "ket-2");
    assertEquals("2026-11-01T01:30:00-07:00", t(k2.start()));
    assertTrue(k2.notes().get(0).contains("occurs twice on 2026-11-01"), k2.notes().toString());
    // the second hour is elapsed: 1h30 of 2h40 is in PDT, the rest in PST
    assertEquals("2026-11-01T03:10:00-08:00", t(k2.end()));
  }

  @Test
  void fallBackWeekKeepsNineOClockInTwoZones() throws Exception {
    for (Map.Entry<String, String[]> z : Map.of(
        "America/Los_Angeles", new String[] {"-07:00", "-08:00", "2026-10-26"},
        "Europe/Berlin", new String[] {"+02:00", "+01:00", "2027-10-25"}).entrySet()) {
      Schedule s = schedule(BASE.replace("America/New_York", z.getKey()).replace("start: 2027-03-01", "start: " + z.getValue()[2]));
      List<Event> ket = kind(s, EventKind.KETAMINE);
      assertTrue(t(ket.get(0).start()).endsWith("T09:00:00" + z.getValue()[0]), z.getKey() + " " + t(ket.get(0).start()));
      assertTrue(t(ket.get(2).start()).endsWith("T09:00:00" + z.getValue()[1]), z.getKey() + " " + t(ket.get(2).start()));
      Event th = event(s, "thr-2-1");
      assertEquals(16, th.start().getHour());
    }
  }

  @Test
  void milestonesPlaceOneOffFollowUps() throws Exception {
    Schedule s = schedule(BASE + """
        followUp:
          - { name: PHQ-9, kind: assessment, at: [start, "session:3", "phase-end:induction", last-session + 4w] }
          - { name: Review, kind: psychiatry, at: last-session + 5d, time: "14:00" }
        """);
    List<Event> phq = kind(s, EventKind.ASSESSMENT);
    assertEquals(List.of("fup-assessment-1", "fup-assessment-2", "fup-assessment-3", "fup-assessment-4"), phq.stream().map(Event::id).toList());
    // no time given: the first free slot in clinic hours on that day, before the dose
    assertEquals("2027-03-01T08:00:00-05:00", t(phq.get(0).start()));
    assertEquals("2027-03-08T08:00:00-05:00", t(phq.get(1).start()));
    assertEquals("2027-03-11T08:00:00-05:00", t(phq.get(2).start()));
    assertEquals("2027-04-08T08:00:00-04:00", t(phq.get(3).start()));
    Event review = event(s, "fup-psychiatry-1");
    // last session Thu 2027-03-11 + 5 days = Tue 2027-03-16
    assertEquals("2027-03-16T14:00:00-04:00", t(review.start()));
    assertEquals(LocalDate.of(2027, 4, 8), s.planEnd());
  }

  @Test
  void recurringFollowUpsAreSeriesWithMovedOccurrencesDetached() throws Exception {
    Schedule s = schedule(BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\" }\n  closed: [2027-03-11]") + """
        followUp:
          - { name: Family session, kind: family, every: 1w, day: thu, time: "17:00", until: last-session + 1w }
        """);
    Series fam = s.series().stream().filter(r -> r.id().equals("fup-family")).findFirst().orElseThrow();
    assertEquals("FREQ=WEEKLY;UNTIL=20270320T035959Z", fam.rrule());
    List<Event> occ = kind(s, EventKind.FOLLOW_UP);
    assertEquals(List.of("2027-03-04T17:00:00-05:00", "2027-03-12T17:00:00-05:00", "2027-03-18T17:00:00-04:00"),
        occ.stream().map(e -> t(e.start())).toList());
    assertEquals("fup-family", occ.get(0).series());
    assertNull(occ.get(1).series(), "the moved occurrence leaves the series");
    assertEquals(List.of("2027-03-11T17:00:00-05:00"), fam.exdates().stream().map(EngineTest::t).toList());
  }

  @Test
  void habitsAreSeriesFromTheFirstSessionToPlanEnd() throws Exception {
    Schedule s = schedule(BASE + """
        habits:
          - { name: Sleep routine, kind: sleep, every: day, time: "22:00" }
          - { name: Physical activity, kind: activity, every: [mon, wed, sat], duration: 30m }
        """);
    Series sleep = s.series().stream().filter(r -> r.id().equals("habit-sleep")).findFirst().orElseThrow();
    assertEquals("2027-03-01T22:00:00-05:00", t(sleep.start()));
    // plan-end is the date of the last therapy (Fri 2027-03-12); UNTIL is the end of that day in UTC
    assertEquals(LocalDate.of(2027, 3, 12), s.planEnd());
    assertEquals("FREQ=DAILY;UNTIL=20270313T045959Z", sleep.rrule());
    assertEquals(12, sleep.occurrences());
    Series act = s.series().stream().filter(r -> r.id().equals("habit-activity")).findFirst().orElseThrow();
    assertTrue(act.allDay());
    assertEquals("FREQ=WEEKLY;BYDAY=MO,WE,SA;UNTIL=20270312", act.rrule());
  }

  @Test
  void eventIdsAreUniqueAndTheScheduleIsDeterministic() throws Exception {
    String yaml = TestPlans.BASE + """
        followUp:
          - { name: Family session, kind: family, every: 1w, day: thu, time: "17:00" }
          - { name: PHQ-9, kind: assessment, at: [start, last-session + 2w] }
        """;
    Schedule a = schedule(yaml);
    Schedule b = schedule(yaml);
    assertEquals(a, b);
    Set<String> ids = new HashSet<>();
    for (Event e : a.events()) assertTrue(ids.add(e.id()), "duplicate id " + e.id());
    for (int i = 1; i < a.events().size(); i++) {
      assertFalse(a.events().get(i).start().isBefore(a.events().get(i - 1).start()), "sorted by start");
    }
  }

  @Test
  void perKgDoseWithoutWeightSaysSo() throws Exception {
    Plan p = TestPlans.load(BASE.replace("patient: { ref: P-1, weightKg: 60 }", "patient: { ref: P-1 }"));
    assertEquals("0.5 mg/kg (weight missing)", Engine.schedule(p, TestPlans.NOW).events().stream()
        .filter(e -> e.kind() == EventKind.KETAMINE).findFirst().orElseThrow().dose());
  }

  @Test
  void pastStartIsAnInfoFinding() throws Exception {
    Schedule s = Engine.schedule(TestPlans.load(BASE), java.time.Instant.parse("2027-06-01T00:00:00Z"));
    assertEquals(List.of(Codes.PLN_PAST), s.findings().stream().map(Finding::rule).toList());
    assertEquals(Severity.INFO, s.findings().get(0).severity());
    assertFalse(s.hasErrors());
  }
}
