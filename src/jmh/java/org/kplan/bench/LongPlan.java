package org.kplan.bench;

import java.nio.file.Path;
import java.time.Instant;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;

/** The plans the microbenchmarks run on: a long plan (480 dosing sessions) and a typical one. */
final class LongPlan {
  private LongPlan() {}

  static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

  /** A plan like bench/src/GeneratePlans writes, with {@code sessions} induction sessions at two a week. */
  static String yaml(int sessions) {
    return "version: 1\nkind: plan\nid: jmh-long\nextends: adult-iv-induction\n"
        + "patient:\n  ref: B-000001\n  birthDate: 1980-05-17\n  weightKg: 71.5\n"
        + "timezone: America/New_York\nstart: 2027-03-01\n"
        + "clinic:\n  name: Bench Clinic 1\n  chairs: 40\n  closed: [\"2027-03-09..2027-03-10\"]\n"
        + (sessions > 0 ? "ketamine:\n  phases:\n    - { name: induction, sessions: " + sessions + ", perWeek: 2 }\n" : "");
  }

  static Plan load(int sessions) throws Exception {
    return new PlanLoader().load("jmh-long.yaml", yaml(sessions), Path.of("."));
  }
}
