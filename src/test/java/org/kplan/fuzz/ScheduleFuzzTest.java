package org.kplan.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.schedule.Schedule;
import org.kplan.support.PlanGen;

/**
 * Plans built by {@link PlanGen} from the fuzzer's choices, with edge values and junk mixed in,
 * loaded and scheduled (and checked by the rules). Invariants: loading throws only
 * {@link InputException}; scheduling a loaded plan never throws, stays within the event limit,
 * gives unique ids in order.
 */
class ScheduleFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void schedule(FuzzedDataProvider data) {
    String yaml = PlanGen.plan(Fuzz.dice(data), true);
    Plan p;
    try {
      p = Fuzz.loadText(yaml);
    } catch (InputException e) {
      Fuzz.checkProblems(e);
      return;
    }
    Schedule s = Fuzz.schedule(p);
    if (s != null) Fuzz.checkSchedule(p, s);
  }
}
