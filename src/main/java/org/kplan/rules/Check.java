package org.kplan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.FollowUp;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Pos;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;

/**
 * What one rule sees while checking one plan: the plan (with positions), its computed schedule,
 * the rule's thresholds as the profile set them, and helpers that several rules share. Findings
 * made here carry the rule's code and default severity; {@link Rules} applies the profile's
 * severity and the plan's waivers afterwards.
 *
 * <p>Here and in the rules: loops, not streams or lambdas, as every {@code kplan validate} runs
 * this at start-up, where each lambda's first use costs more than the loop it replaces.
 */
public final class Check {
  private final Rule rule;
  private final Plan plan;
  private final Schedule schedule;
  private final Profile profile;
  private final Facts facts;

  Check(Rule rule, Plan plan, Schedule schedule, Profile profile) {
    this(rule, plan, schedule, profile, new Facts(schedule));
  }

  Check(Rule rule, Plan plan, Schedule schedule, Profile profile, Facts facts) {
    this.rule = rule;
    this.plan = plan;
    this.schedule = schedule;
    this.profile = profile;
    this.facts = facts;
  }

  /**
   * Facts about one schedule that many rules ask for, computed once per plan (not once per rule,
   * nor once per dose): the dosing events, the follow-up events, therapy events by session.
   */
  static final class Facts {
    private final Schedule schedule;
    private List<Event> doses;
    private List<Event> followUps;
    private Map<Integer, List<Event>> therapyBySession;

    Facts(Schedule schedule) {
      this.schedule = schedule;
    }

    List<Event> doses() {
      List<Event> d = doses;
      if (d == null) {
        List<Event> out = new ArrayList<>();
        for (Event e : schedule.events()) if (e.kind() == EventKind.KETAMINE) out.add(e);
        doses = d = Collections.unmodifiableList(out);
      }
      return d;
    }

    List<Event> followUps() {
      List<Event> d = followUps;
      if (d == null) {
        List<Event> out = new ArrayList<>();
        for (Event e : schedule.events()) if (e.kind() == EventKind.FOLLOW_UP || e.kind() == EventKind.ASSESSMENT) out.add(e);
        followUps = d = Collections.unmodifiableList(out);
      }
      return d;
    }

    List<Event> therapyOf(Integer session) {
      Map<Integer, List<Event>> m = therapyBySession;
      if (m == null) {
        m = new HashMap<>();
        for (Event e : schedule.events()) {
          if (e.kind() != EventKind.THERAPY || e.session() == null) continue;
          List<Event> l = m.get(e.session());
          if (l == null) m.put(e.session(), l = new ArrayList<>());
          l.add(e);
        }
        therapyBySession = m;
      }
      List<Event> l = m.get(session);
      return l == null ? List.of() : Collections.unmodifiableList(l);
    }
  }

  public Plan plan() {
    return plan;
  }

  public Schedule schedule() {
    return schedule;
  }

  /** The value of one of the rule's thresholds: the profile's, else the default. */
  public <T> T value(Threshold<T> t) {
    return profile.value(rule, t);
  }

  /** A finding of this rule at {@code pos}. */
  public Finding finding(Pos pos, String message) {
    return new Finding(rule.code(), rule.severity(), message, pos, null);
  }

  /** A finding of this rule about one scheduled event. */
  public Finding finding(Pos pos, String message, String event) {
    return new Finding(rule.code(), rule.severity(), message, pos, event);
  }

  /** A finding at the node {@code path} ({@code ketamine.monitoring}, {@code followUp[2]}). */
  public Finding finding(String path, String message) {
    return finding(plan.pos(path), message);
  }

  public Finding finding(String path, String message, String event) {
    return finding(plan.pos(path), message, event);
  }

  /** A duration for messages: {@code 7 days}, {@code 4 weeks}, {@code 2h}, {@code 1h30m}. */
  public static String human(PlanDuration d) {
    if (d.minutes() == 0 && d.days() > 0) {
      if (d.days() % 7 == 0 && d.days() >= 28) return d.days() / 7 + " weeks";
      return d.days() + (d.days() == 1 ? " day" : " days");
    }
    return d.toString();
  }

  // ------------------------------------------------------------------ shared facts

  /** The route of administration, or null (templates may leave it out). */
  public String route() {
    return plan.ketamine() == null ? null : plan.ketamine().route();
  }

  /** Dosing session events in session order. */
  public List<Event> doses() {
    return facts.doses();
  }

  /** Therapy events of dosing session {@code session}, in schedule order. */
  public List<Event> therapyOf(Integer session) {
    return facts.therapyOf(session);
  }

  /** Dosing session events of phase {@code p}, in session order. */
  public List<Event> dosesOf(Phase p) {
    List<Event> out = new ArrayList<>();
    for (Event e : doses()) if (p.name().equals(e.phase())) out.add(e);
    return Collections.unmodifiableList(out);
  }

  public Optional<Event> firstDose() {
    List<Event> d = doses();
    return d.isEmpty() ? Optional.empty() : Optional.of(d.get(0));
  }

  public Optional<Event> lastDose() {
    List<Event> d = doses();
    return d.isEmpty() ? Optional.empty() : Optional.of(d.get(d.size() - 1));
  }

  /** The date of the first dose, else the plan's start. */
  public LocalDate firstDoseDate() {
    List<Event> d = doses();
    return d.isEmpty() ? plan.start() : d.get(0).start().toLocalDate();
  }

  /** Age in whole years at the first dose, or empty when the plan has no birth date. */
  public Optional<Integer> ageAtFirstDose() {
    if (plan.patient() == null || plan.patient().birthDate() == null || firstDoseDate() == null) return Optional.empty();
    // whole years, as Period.between(...).getYears() (checked on two million date pairs), without
    // Period, whose class compiles a regular expression on first use
    return Optional.of((int) plan.patient().birthDate().until(firstDoseDate(), java.time.temporal.ChronoUnit.YEARS));
  }

  /** True when the patient's age at the first dose is known and below {@code adultAge}. */
  public boolean minor(Threshold<Integer> adultAge) {
    Optional<Integer> age = ageAtFirstDose();
    return age.isPresent() && age.get() < value(adultAge);
  }

  /** The phase a dosing event belongs to. */
  public Phase phase(Event e) {
    for (Phase p : plan.ketamine().phases()) if (p.name().equals(e.phase())) return p;
    throw new IllegalStateException("no phase " + e.phase());
  }

  /** {@code ketamine.phases[i]}: where a dosing session comes from. */
  public static String phasePath(Phase p) {
    return "ketamine.phases[" + p.index() + "]";
  }

  public String phasePath(Event e) {
    return phasePath(phase(e));
  }

  /** The dose of a phase: its own, else the plan's. */
  public Dose dose(Phase p) {
    return p.dose() != null ? p.dose() : plan.ketamine().dose();
  }

  /** Where a phase's dose is written: the phase's {@code dose}, else {@code ketamine.dose}. */
  public String dosePath(Phase p) {
    return p.dose() != null ? phasePath(p) + ".dose" : "ketamine.dose";
  }

  public List<SessionTask> tasks(String kind) {
    if (plan.ketamine() == null) return List.of();
    List<SessionTask> out = new ArrayList<>();
    for (SessionTask t : plan.ketamine().sessionTasks()) if (t.kind().equals(kind)) out.add(t);
    return Collections.unmodifiableList(out);
  }

  public static String taskPath(SessionTask t) {
    return "ketamine.sessionTasks[" + t.index() + "]";
  }

  /** {@code ketamine.sessionTasks} when the plan has it, else {@code ketamine}. */
  public String tasksPath() {
    return plan.node("ketamine.sessionTasks").isPresent() ? "ketamine.sessionTasks" : "ketamine";
  }

  /** Follow-up and assessment events (not therapy, tasks or habits). */
  public List<Event> followUpEvents() {
    return facts.followUps();
  }

  /** The follow-up entry an event was made from. */
  public Optional<FollowUp> followUpOf(Event e) {
    for (FollowUp f : plan.followUps()) {
      String id = e.id();
      if (isNumberedFrom(id, f.id())) return Optional.of(f);
    }
    return Optional.empty();
  }

  /** True when {@code id} is {@code base}, '-' and one or more ASCII digits. */
  private static boolean isNumberedFrom(String id, String base) {
    int n = base.length();
    return id.length() >= n + 2 && id.charAt(n) == '-' && id.startsWith(base) && org.kplan.plan.Ascii.digits(id, n + 1, id.length());
  }

  public static String followUpPath(FollowUp f) {
    return "followUp[" + f.index() + "]";
  }

  /** {@code followUp} when the plan has it, else the top of the plan. */
  public String followUpsPath() {
    return plan.node("followUp").isPresent() ? "followUp" : "";
  }

  /** Where an event comes from in the plan: its phase, task, follow-up or {@code therapy}. */
  public String pathOf(Event e) {
    switch (e.kind()) {
      case KETAMINE:
        return phasePath(e);
      case THERAPY:
        return plan.node("therapy.window").isPresent() ? "therapy.window" : "therapy";
      case TASK:
        for (SessionTask t : plan.ketamine().sessionTasks()) {
          if (e.id().equals("task-" + e.session() + "-" + t.id())) return taskPath(t);
        }
        return tasksPath();
      default:
        Optional<FollowUp> f = followUpOf(e);
        return f.isPresent() ? followUpPath(f.get()) : followUpsPath();
    }
  }
}
