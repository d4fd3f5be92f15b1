package org.kplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;

/**
 * Bytes, as a file or standard input gives them, through decoding, YAML parsing, {@code extends}
 * and binding. Invariant: only {@link InputException} comes out, with a message and a place for
 * every problem. In {@code mvn verify} this replays the inputs in
 * {@code src/test/resources/org/kplan/fuzz/PlanLoaderFuzzTestInputs/load/}; {@code fuzz/run load}
 * fuzzes it.
 */
class PlanLoaderFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void load(byte[] data) {
    try {
      Plan p = Fuzz.loadBytes(data);
      Fuzz.check(p.totalSessions() <= PlanLoader.MAX_SESSIONS, "more sessions than the limit");
    } catch (InputException e) {
      Fuzz.checkProblems(e);
    }
  }
}
