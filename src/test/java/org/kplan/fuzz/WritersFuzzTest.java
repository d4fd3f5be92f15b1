package org.kplan.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.schedule.Schedule;
import org.kplan.support.PlanGen;

/**
 * The output writers on schedules of fuzzed plans: JSON, CSV, Markdown and the terminal table
 * (ICS after the calendar merge). Invariants: no writer throws; JSON parses; every CSV record has
 * the header's cells; Markdown table rows have three cells; the table carries no raw control or
 * bidirectional characters.
 */
class WritersFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void write(FuzzedDataProvider data) {
    String yaml = PlanGen.plan(Fuzz.dice(data), true);
    Plan p;
    try {
      p = Fuzz.loadText(yaml);
    } catch (InputException e) {
      return;
    }
    Schedule s = Fuzz.schedule(p);
    if (s != null) Fuzz.checkWriters(p, s);
  }
}
