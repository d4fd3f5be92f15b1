package org.kplan.rules.pat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT005: a dose per kg with no patient weight. */
public final class PerKgDoseWithoutWeight extends Rule {
  public PerKgDoseWithoutWeight() {
    super(meta("PAT005", Severity.ERROR, "Dose per kg with no patient weight")
        .sources(Sources.ANDRADE_2017, Sources.PLAN_FORMAT)
        .explanation("""
            A dose written as `{ mgPerKg: ... }` (in `ketamine.dose` or a phase's `dose`) needs
            `patient.weightKg`, so that the schedule can show the dose in mg and the dose rules
            (KET014) can check it. Without a weight, the schedule shows "weight missing".

            IV ketamine for depression is dosed by body weight (0.5 mg/kg in most trials, Andrade
            2017). Templates without a patient are not checked.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().patient() == null || c.plan().patient().weightKg() != null || c.plan().ketamine() == null) return out;
    Set<String> paths = new LinkedHashSet<>();
    for (Phase p : c.plan().ketamine().phases()) {
      Dose d = c.dose(p);
      if (d != null && d.perKg()) paths.add(c.dosePath(p));
    }
    for (String path : paths) {
      out.add(c.finding(path, "the dose is per kg but `patient.weightKg` is not given, so the dose in mg is unknown"));
    }
    return out;
  }
}
