package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code kplan schedule} shows the plan's error findings after the schedule and exits 1 on errors. */
class ScheduleFindingsTest {
  static final String PLANS = ValidateGoldenTest.PLANS;

  @Test
  void errorsFollowTheScheduleOnStandardErrorAndExitOne() {
    Cli.Result r = Cli.run("schedule", PLANS + "/dose-monitoring-density.yaml", "-f", "csv", "--now", ValidateGoldenTest.NOW, "--no-color");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("ket-6"), "the schedule is still written: " + r.out());
    assertTrue(r.err().startsWith(PLANS + "/dose-monitoring-density.yaml:10:3: error: IV dose 1.5 mg/kg is above 1.0 mg/kg"), r.err());
    assertTrue(r.err().contains(PLANS + "/dose-monitoring-density.yaml:11:3: error: monitoring after dosing is 1h"), r.err());
    assertFalse(r.err().contains("warning:"), "warnings are left to kplan validate: " + r.err());
    assertTrue(r.err().endsWith("kplan: 8 more findings below error level; run `kplan validate " + PLANS
        + "/dose-monitoring-density.yaml` to see them\n"), r.err());
  }

  @Test
  void jsonCarriesEveryFindingInFindings() {
    Cli.Result r = Cli.run("schedule", PLANS + "/minor-no-consent.yaml", "-f", "json", "--now", ValidateGoldenTest.NOW);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("\"rule\": \"PAT001\",\n      \"severity\": \"error\""), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aCleanPlanExitsZero() {
    Cli.Result r = Cli.run("schedule", PLANS + "/good.yaml", "-f", "csv", "--now", ValidateGoldenTest.NOW);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
  }
}
