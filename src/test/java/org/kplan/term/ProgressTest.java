package org.kplan.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void showsDoneRateAndTimeLeft() {
    Progress p = new Progress(new PrintWriter(new StringWriter()), true, 200, () -> 0L);
    assertEquals("[######------------------]  50/200 plans  25.0 plans/s  0:06 left", p.line(50, 2_000_000_000L));
    assertEquals("[########################]  200/200 plans  40.0 plans/s", p.line(200, 5_000_000_000L));
    assertEquals("[------------------------]  0/200 plans", p.line(0, 0));
    assertEquals("1:01:40", Progress.clock(3700));
  }

  @Test
  void redrawsInPlaceAtMostTenTimesASecondAndClearsAtTheEnd() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress p = new Progress(new PrintWriter(w), true, 3, now::get);
    p.update(1);
    now.addAndGet(50_000_000L);
    p.update(2); // too soon: not drawn
    now.addAndGet(60_000_000L);
    p.update(3);
    p.finish();
    String s = w.toString();
    assertEquals(2, s.split("\r\\[", -1).length - 1, s);
    assertEquals(true, s.endsWith("\r\033[K"));
  }

  @Test
  void aDisabledBarPrintsNothing() {
    StringWriter w = new StringWriter();
    Progress p = new Progress(new PrintWriter(w), false, 3);
    p.update(1);
    p.finish();
    assertEquals("", w.toString());
  }
}
