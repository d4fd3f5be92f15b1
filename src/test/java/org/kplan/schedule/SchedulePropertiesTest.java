package org.kplan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kplan.export.ScheduleJson;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.Plan.DateRange;
import org.kplan.plan.Plan.Hours;
import org.kplan.plan.PlanLoader;
import org.kplan.support.PlanGen;
import org.kplan.support.TestPlans;

/**
 * Properties of the engine over thousands of generated valid plans (seeded, plain JUnit). A failure
 * names the seed: reproduce it with {@code -Dkplan.prop.seed=SEED -Dkplan.prop.count=1}, and see
 * the plan with {@code PlanGen.valid(SEED)}.
 */
class SchedulePropertiesTest {
  static final long SEED = Long.getLong("kplan.prop.seed", 20261126L);
  static final int COUNT = Integer.getInteger("kplan.prop.count", 2000);

  /** Caches public holidays per calendar and year: Jollyday is slow to ask, and the answers never change. */
  static final HolidaySource HOLIDAYS = new HolidaySource() {
    private final Map<String, Map<LocalDate, String>> cache = new HashMap<>();

    @Override
    public synchronized Map<LocalDate, String> holidays(String code, LocalDate from, LocalDate to) {
      Map<LocalDate, String> all = new TreeMap<>();
      for (int y = from.getYear(); y <= to.getYear(); y++) {
        int year = y;
        all.putAll(cache.computeIfAbsent(code + "/" + y,
            k -> HolidayCalendars.INSTANCE.holidays(code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
      }
      all.keySet().removeIf(dd -> dd.isBefore(from) || dd.isAfter(to));
      return all;
    }
  };

  @Test
  void generatedPlansScheduleWithinEveryConstraint() {
    int loaded = 0;
    for (int i = 0; i < COUNT; i++) {
      long seed = SEED + i;
      String yaml = PlanGen.valid(seed);
      Plan plan;
      try {
        plan = new PlanLoader().load("gen.yaml", yaml, Path.of("."));
      } catch (InputException e) {
        fail("seed " + seed + ": the generator made an invalid plan: " + e.problems() + "\n" + yaml);
        return;
      }
      loaded++;
      try {
        check(plan, i % 4 == 0);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " (reproduce: -Dkplan.prop.seed=" + seed + " -Dkplan.prop.count=1): "
            + e.getMessage() + "\n--- plan\n" + yaml, e);
      }
    }
    assertEquals(COUNT, loaded);
  }

  private static void check(Plan plan, boolean twice) {
    Schedule s = Engine.schedule(plan, TestPlans.NOW, HOLIDAYS);
    Map<LocalDate, String> holidays = plan.clinic().holidays() == null ? Map.of()
        : HOLIDAYS.holidays(plan.clinic().holidays(), LocalDate.of(2025, 1, 1), LocalDate.of(2035, 12, 31));

    // determinism: the same plan gives the same schedule, and byte-identical JSON (checked on a
    // quarter of the plans, to keep the test fast)
    if (twice) assertEquals(json(s), json(Engine.schedule(plan, TestPlans.NOW, HOLIDAYS)), "same plan, same JSON");

    // every event id is unique
    Set<String> ids = new HashSet<>();
    for (Event e : s.events()) assertTrue(ids.add(e.id()), "duplicate event id " + e.id());
    for (Series r : s.series()) assertTrue(ids.add(r.id()) || r.kind() != EventKind.HABIT, "duplicate series id " + r.id());

    List<Event> doses = s.events().stream().filter(e -> e.kind() == EventKind.KETAMINE).toList();
    long ket016 = s.findings().stream().filter(f -> f.rule().equals(Codes.KET_UNPLACEABLE)).count();
    assertEquals(plan.totalSessions() - ket016, doses.size(), "sessions = planned - KET016 findings");

    Event prev = null;
    for (Event k : doses) {
      LocalDate day = k.start().toLocalDate();
      // the whole occupancy (dosing + monitoring) inside clinic hours on an open day
      assertInHours(plan, holidays, k.start(), k.end(), k.id());
      if (prev != null) {
        assertTrue(day.isAfter(prev.start().toLocalDate()), k.id() + " on the same day as (or before) " + prev.id());
        if (plan.ketamine().minSpacing() != null) {
          ZonedDateTime earliest = plan.ketamine().minSpacing().addTo(prev.start());
          assertTrue(!k.start().isBefore(earliest), k.id() + " starts less than minSpacing after " + prev.id());
        }
        assertTrue(!k.start().isBefore(prev.end()), k.id() + " starts during the monitoring of " + prev.id());
      }
      assertEquals(Duration.ofMinutes(plan.ketamine().dosing().minutes()), Duration.between(k.start(), k.dosingEnd()), "dosing length");
      prev = k;
    }

    // therapy: in its window, after monitoring, before the next dose, in clinic hours; THR001 when missing
    int per = plan.therapy() == null ? 0 : plan.therapy().perSession();
    Map<Integer, List<Event>> therapyBySession = new HashMap<>();
    for (Event t : s.events()) {
      if (t.kind() == EventKind.THERAPY) therapyBySession.computeIfAbsent(t.session(), x -> new ArrayList<>()).add(t);
    }
    for (int i = 0; i < doses.size(); i++) {
      Event k = doses.get(i);
      Event next = i + 1 < doses.size() ? doses.get(i + 1) : null;
      List<Event> th = therapyBySession.getOrDefault(k.session(), List.of());
      for (Event t : th) {
        assertTrue(!t.start().isBefore(t.window().start()), t.id() + " starts before its window");
        assertTrue(!t.start().isAfter(t.window().end()), t.id() + " starts after its window");
        assertTrue(!t.end().isAfter(t.window().end()), t.id() + " ends after its window");
        assertTrue(!t.start().isBefore(k.end()), t.id() + " starts before monitoring of " + k.id() + " ends");
        if (next != null) assertTrue(!t.end().isAfter(next.start()), t.id() + " ends after the next dose " + next.id());
        assertInHours(plan, holidays, t.start(), t.end(), t.id());
        assertEquals(plan.therapy().windowFrom().addTo(k.start()), t.window().start(), t.id() + " window start");
        assertEquals(plan.therapy().windowTo().addTo(k.start()), t.window().end(), t.id() + " window end");
      }
      if (th.size() < per) {
        boolean reported = s.findings().stream()
            .anyMatch(f -> f.rule().equals(Codes.THR_UNPLACEABLE) && k.id().equals(f.event()));
        assertTrue(reported, "session " + k.session() + " has " + th.size() + " of " + per + " therapy sessions and no THR001 finding");
      }
      assertTrue(th.size() <= per, "session " + k.session() + " has more therapy than perSession");
    }
    // no two dosing or therapy events overlap
    List<Event> clinicTime = s.events().stream().filter(e -> e.kind() == EventKind.KETAMINE || e.kind() == EventKind.THERAPY).toList();
    for (int i = 0; i < clinicTime.size(); i++) {
      for (int j = i + 1; j < clinicTime.size(); j++) {
        Event a = clinicTime.get(i), b = clinicTime.get(j);
        assertTrue(!a.start().isBefore(b.end()) || !b.start().isBefore(a.end()), a.id() + " overlaps " + b.id());
      }
    }
    // events are sorted, and plan-end is the last non-habit date
    for (int i = 1; i < s.events().size(); i++) {
      assertTrue(Event.ORDER.compare(s.events().get(i - 1), s.events().get(i)) <= 0, "events out of order at " + i);
    }
    for (Finding f : s.findings()) assertTrue(f.pos() != null && f.message() != null && !f.message().isBlank(), "finding " + f);
  }

  private static void assertInHours(Plan plan, Map<LocalDate, String> holidays, ZonedDateTime start, ZonedDateTime end, String id) {
    LocalDate day = start.toLocalDate();
    Hours h = plan.clinic().hours().get(day.getDayOfWeek());
    assertTrue(h != null, id + " on a day the clinic has no hours: " + day.getDayOfWeek());
    for (DateRange r : plan.clinic().closed()) assertTrue(!r.contains(day), id + " on a closed date " + day);
    assertTrue(!holidays.containsKey(day), id + " on a public holiday " + day);
    assertTrue(!start.toLocalTime().isBefore(h.open()), id + " starts before opening: " + start + " " + h);
    boolean endsAtMidnight = end.toLocalDate().equals(day.plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT);
    if (h.close() == null) {
      assertTrue(end.toLocalDate().equals(day) || endsAtMidnight, id + " runs past midnight: " + end);
    } else {
      assertEquals(day, end.toLocalDate(), id + " ends on another day: " + end);
      assertTrue(!end.toLocalTime().isAfter(h.close()), id + " ends after closing: " + end + " " + h);
    }
  }

  private static String json(Schedule s) {
    StringWriter w = new StringWriter();
    ScheduleJson.write(s, w);
    return w.toString();
  }
}
