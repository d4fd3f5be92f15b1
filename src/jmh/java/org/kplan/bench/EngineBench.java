package org.kplan.bench;

import java.util.concurrent.TimeUnit;
import org.kplan.plan.Plan;
import org.kplan.rules.Rules;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Schedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The scheduling engine (and the rule check after it) on a typical and a long plan. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
  /** Induction sessions: 0 keeps the template's own phases; 480 is the long plan (GeneratePlans scale 80). */
  @Param({"0", "480"})
  public int sessions;

  private Plan plan;
  private Schedule schedule;

  @Setup
  public void setup() throws Exception {
    plan = LongPlan.load(sessions);
    schedule = Engine.schedule(plan, LongPlan.NOW);
  }

  @Benchmark
  public Schedule schedule() {
    return Engine.schedule(plan, LongPlan.NOW);
  }

  @Benchmark
  public Object check() {
    return Rules.check(plan, schedule);
  }

  @Benchmark
  public Plan load() throws Exception {
    return LongPlan.load(sessions);
  }
}
