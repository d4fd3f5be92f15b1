package org.kplan.rules.fup;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** FUP003: a minor's plan without family sessions before the first dose and during induction. */
public final class MinorWithoutFamily extends Rule {
  static final Threshold<Integer> ADULT_AGE = Threshold.integer("adultAge", 18, 1, 30, "years",
      "age below which family involvement is expected", Sources.GLAD_PC, Sources.WOLFSON_2023);

  public MinorWithoutFamily() {
    super(meta("FUP003", Severity.WARNING, "Minor's plan without family sessions before and during induction")
        .thresholds(ADULT_AGE)
        .sources(Sources.WOLFSON_2023, Sources.GLAD_PC, Sources.ESK_FAMILY)
        .explanation("""
            For a patient under `adultAge` at the first dose, the plan should have a follow-up of
            `kind: family` before the first dose (caregiver psychoeducation and a shared safety
            plan) and one during the induction (from the first to the last session of the first
            phase). Each missing part is one finding.

            GLAD-PC (youth depression) asks for caregiver interviews, family psychoeducation and a
            safety plan; the adolescent KAP case series of Wolfson et al. found family
            involvement "essential to success"; the Spravato label tells clinicians to counsel
            family members to watch for changes in behaviour and suicidality, especially early in
            treatment.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!c.minor(ADULT_AGE) || c.firstDose().isEmpty()) return out;
    List<Event> family = new ArrayList<>();
    for (Event e : c.followUpEvents()) if ("family".equals(e.category())) family.add(e);
    Event first = c.firstDose().get();
    boolean before = false;
    for (Event e : family) if (e.start().isBefore(first.start())) before = true;
    if (!before) {
      out.add(c.finding(c.followUpsPath(), "the patient is " + c.ageAtFirstDose().orElseThrow() + " and no family session"
          + " (`kind: family`) comes before the first dose (" + Engine.describe(first.start()) + "); family psychoeducation and"
          + " a shared safety plan come first for minors (facts 68, 70)", first.id()));
    }
    Phase induction = c.plan().ketamine().phases().get(0);
    List<Event> in = c.dosesOf(induction);
    if (!in.isEmpty()) {
      Event a = in.get(0), b = in.get(in.size() - 1);
      boolean during = false;
      for (Event e : family) {
        if (!e.start().toLocalDate().isBefore(a.start().toLocalDate()) && !e.start().toLocalDate().isAfter(b.start().toLocalDate())) during = true;
      }
      if (!during) {
        out.add(c.finding(c.followUpsPath(), "the patient is " + c.ageAtFirstDose().orElseThrow() + " and no family session"
            + " (`kind: family`) falls during phase `" + induction.name() + "` (" + a.start().toLocalDate() + " to "
            + b.start().toLocalDate() + "); family involvement appears essential for adolescents (fact 44)"));
      }
    }
    return out;
  }
}
