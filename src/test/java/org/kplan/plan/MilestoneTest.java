package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MilestoneTest {
  private static Milestone parse(String s) {
    return Milestone.parse(s, Pos.of("t"));
  }

  @Test
  void parsesEveryKind() {
    assertEquals(Milestone.Kind.START, parse("start").kind());
    assertEquals(3, parse("session:3").session());
    assertEquals("induction", parse("phase-end:induction").phase());
    Milestone m = parse("last-session + 4w");
    assertEquals(Milestone.Kind.LAST_SESSION, m.kind());
    assertEquals(PlanDuration.ofDays(28), m.offset());
    assertEquals(PlanDuration.ofDays(-7), parse("first-session - 1w").offset());
    assertEquals(PlanDuration.ofDays(-7), parse("first-session-1w").offset());
  }

  @Test
  void phaseNamesMayContainDashes() {
    Milestone m = parse("phase-end:maintenance-weekly + 1d");
    assertEquals("maintenance-weekly", m.phase());
    assertEquals(PlanDuration.ofDays(1), m.offset());
  }

  @Test
  void suggestsTheNearestMilestone() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("last-sesion + 4w"));
    assertTrue(e.getMessage().contains("did you mean `last-session`"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("session:0"));
    assertThrows(IllegalArgumentException.class, () -> parse("phase-end"));
  }
}
