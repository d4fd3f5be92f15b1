package org.kplan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChairOverlapsTest {
  static final ZoneId Z = ZoneId.of("America/New_York");

  static Schedule plan(String id, String ref, int... startHours) {
    List<Event> events = new ArrayList<>();
    int n = 0;
    for (int h : startHours) {
      ZonedDateTime s = ZonedDateTime.of(2027, 3, 4, h, 0, 0, 0, Z);
      n++;
      events.add(new Event("ket-" + n, EventKind.KETAMINE, "k", s, s.plusHours(2), "induction", n, s.plusMinutes(40), null, null, "iv", null, List.of()));
      events.add(new Event("thr-" + n + "-1", EventKind.THERAPY, "t", s.plusHours(3), s.plusHours(4), "induction", n, null, null, null, null, null, List.of()));
    }
    return new Schedule(id, ref, Z, events.get(0).start().toLocalDate(), events, List.of(), List.of());
  }

  @Test
  void flagsTheSpanWhereSessionsOutnumberChairs() {
    ChairOverlaps c = new ChairOverlaps();
    c.add("East", 2, plan("a", "P-1", 9));
    c.add("East", 2, plan("b", "P-2", 10));
    c.add("East", null, plan("c", "P-3", 10));
    c.add("East", 3, plan("d", "P-4", 11)); // ends at 13:00; the others end at 11:00 and 12:00
    List<ChairOverlaps.Overlap> o = c.overlaps();
    assertEquals(1, o.size(), o.toString());
    ChairOverlaps.Overlap x = o.get(0);
    assertEquals(2, x.chairs(), "the smallest number of chairs any plan gives");
    assertEquals(3, x.peak());
    assertEquals(ZonedDateTime.of(2027, 3, 4, 10, 0, 0, 0, Z), x.start());
    assertEquals(ZonedDateTime.of(2027, 3, 4, 12, 0, 0, 0, Z), x.end());
    assertEquals(List.of("P-1 ket-1", "P-2 ket-1", "P-3 ket-1", "P-4 ket-1"), x.who());
  }

  @Test
  void backToBackSessionsDoNotOverlapAndClinicsAreCheckedApart() {
    ChairOverlaps c = new ChairOverlaps();
    c.add("East", 1, plan("a", "P-1", 9));
    c.add("East", 1, plan("b", "P-2", 11)); // starts when the first ends
    c.add("West", 1, plan("c", "P-3", 9));
    c.add("Nowhere", null, plan("d", "P-4", 9));
    c.add("Nowhere", null, plan("e", "P-5", 9));
    assertTrue(c.overlaps().isEmpty(), c.overlaps().toString());
  }
}
