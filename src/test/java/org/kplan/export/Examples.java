package org.kplan.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Schedule;

/** The example plans under plans/examples, loaded and scheduled as the CLI does. */
final class Examples {
  private Examples() {}

  static final Path DIR = Path.of("plans/examples");
  /** The {@code now} of every golden file. */
  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  record Example(String name, Plan plan, Schedule schedule) {
    IcsWriter.Options options(IcsWriter.Detail detail) {
      return new IcsWriter.Options(NOW, detail, null, plan.clinic().name(), IcsPrior.NONE);
    }

    String ics(IcsWriter.Detail detail) {
      return IcsWriter.write(schedule, options(detail));
    }
  }

  static List<String> names() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final java.util.Map<String, Example> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /** An example plan and its schedule (loaded once; both are immutable). */
  static Example load(String name) {
    return LOADED.computeIfAbsent(name, Examples::loadNow);
  }

  private static Example loadNow(String name) {
    try {
      Plan p = new PlanLoader().load(DIR.resolve(name + ".yaml"));
      return new Example(name, p, schedule(p));
    } catch (InputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static Example fromText(String name, String yaml) {
    try {
      Plan p = new PlanLoader().load(name, yaml, Path.of("").toAbsolutePath());
      return new Example(name, p, schedule(p));
    } catch (InputException e) {
      throw new AssertionError(e.getMessage() + " " + e.problems(), e);
    }
  }

  static Schedule schedule(Plan p) {
    HolidaySource h = p.clinic().holidays() == null ? HolidaySource.NONE : HolidayCalendars.INSTANCE;
    return Engine.schedule(p, NOW, h);
  }
}
