package org.kplan.rules;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.schedule.Schedule;

/**
 * Entry point of the rule catalogue: every finding for a plan and its schedule. For now, the
 * engine's own findings (unplaceable sessions and therapy); the catalogue adds its rules here.
 */
public final class Rules {
  private Rules() {}

  public static List<Finding> check(Plan plan, Schedule schedule) {
    return schedule.findings().stream().sorted().toList();
  }
}
