package org.kplan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kplan.plan.Plan.Recurrence;

/** Engine.occurrences counts what the day-by-day walk it replaced counted. */
class OccurrencesTest {
  static int walk(Recurrence r, LocalDate first, LocalDate until) {
    int count = 0;
    for (LocalDate d = first; !d.isAfter(until); ) {
      count++;
      if (r.byWeekdays()) {
        d = d.plusDays(1);
        while (!r.weekdays().contains(d.getDayOfWeek())) d = d.plusDays(1);
      } else {
        d = d.plusDays(r.intervalDays());
      }
    }
    return count;
  }

  @Test
  void sameAsWalking() {
    Random rnd = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      Recurrence r;
      if (rnd.nextBoolean()) {
        r = new Recurrence(1 + rnd.nextInt(30), List.of());
      } else {
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) if (rnd.nextInt(3) == 0) days.add(d);
        if (days.isEmpty()) days.add(DayOfWeek.of(1 + rnd.nextInt(7)));
        r = new Recurrence(7, List.copyOf(days));
      }
      LocalDate first = LocalDate.of(2027, 1, 1).plusDays(rnd.nextInt(400));
      if (r.byWeekdays()) while (!r.weekdays().contains(first.getDayOfWeek())) first = first.plusDays(1);
      LocalDate until = first.plusDays(rnd.nextInt(300) - 5);
      assertEquals(walk(r, first, until), Engine.occurrences(r, first, until), r + " " + first + " " + until);
    }
  }
}
