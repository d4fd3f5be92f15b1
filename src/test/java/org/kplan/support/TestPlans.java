package org.kplan.support;

import java.nio.file.Path;
import java.time.Instant;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.Schedule;

/** Builds plans from YAML text for tests. */
public final class TestPlans {
  private TestPlans() {}

  public static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

  /** A small valid plan; tests replace parts of it. Start is Monday 2027-03-01 in New York. */
  public static final String BASE = """
      version: 1
      kind: plan
      id: t-1
      patient: { ref: P-1, weightKg: 60 }
      timezone: America/New_York
      start: 2027-03-01
      clinic:
        hours: { mon-fri: "08:00-18:00" }
      ketamine:
        route: iv
        dose: { mgPerKg: 0.5 }
        dosing: 40m
        monitoring: 2h
        time: "09:00"
        days: [mon, thu]
        minSpacing: 48h
        phases:
          - { name: induction, sessions: 4, perWeek: 2 }
      therapy:
        modality: CBT
        duration: 50m
        window: { from: 24h, to: 72h }
        preferredDay: 1
        time: "16:00"
      """;

  /**
   * {@link #BASE} with the per-session safety tasks the rule catalogue requires (vitals,
   * suicide-risk screening, escort): a plan that schedules with no error findings (exit 0).
   */
  public static final String CLEAN = BASE.replace("  phases:\n", """
        sessionTasks:
          - { name: "Suicide-risk screening (C-SSRS)", at: -30m, kind: suicide-screening }
          - { name: "Vitals before dosing", at: -15m, kind: vitals }
          - { name: "Vitals at +40 min and before discharge", at: +40m, kind: vitals }
          - { name: "Escort home; no driving until tomorrow", at: +2h40m, kind: escort }
        phases:
      """);

  public static Plan load(String yaml) throws InputException {
    return new PlanLoader().load("test.yaml", yaml, Path.of("."));
  }

  public static Schedule schedule(String yaml) throws InputException {
    return Engine.schedule(load(yaml), NOW);
  }

  public static Event event(Schedule s, String id) {
    return s.events().stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + id + " in " + s.events().stream().map(Event::id).toList()));
  }
}
