package org.kplan.bench;

import java.util.concurrent.TimeUnit;
import org.kplan.export.IcsPrior;
import org.kplan.export.IcsWriter;
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

/** The iCalendar writer: a whole calendar, minimal and full detail, with and without a prior calendar. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IcsWriterBench {
  @Param({"0", "480"})
  public int sessions;

  @Param({"MINIMAL", "FULL"})
  public IcsWriter.Detail detail;

  private Schedule schedule;
  private IcsWriter.Options fresh;
  private IcsWriter.Options again;
  private String written;

  @Setup
  public void setup() throws Exception {
    schedule = Engine.schedule(LongPlan.load(sessions), LongPlan.NOW);
    fresh = new IcsWriter.Options(LongPlan.NOW, detail, null, "Bench Clinic 1", IcsPrior.NONE);
    written = IcsWriter.write(schedule, fresh);
    again = fresh.withPrior(IcsPrior.parse(written));
  }

  /** A new calendar. */
  @Benchmark
  public String write() {
    return IcsWriter.write(schedule, fresh);
  }

  /** A calendar over the one it replaces (every event fingerprinted against the prior). */
  @Benchmark
  public String rewrite() {
    return IcsWriter.write(schedule, again);
  }

  /** Reading the prior calendar back (unfold, fingerprint). */
  @Benchmark
  public IcsPrior readPrior() {
    return IcsPrior.parse(written);
  }
}
