package org.kplan.rules.ket;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET018: an IV dose or infusion time other than the standard 0.5 mg/kg over 40 minutes. */
public final class IvNonStandardDose extends Rule {
  static final Threshold<BigDecimal> STANDARD_MG_PER_KG = Threshold.decimal("standardMgPerKg", "0.5", "0.01", "10", "mg/kg",
      "the standard IV dose", Sources.ANDRADE_2017);
  static final Threshold<PlanDuration> MIN_INFUSION = Threshold.duration("minInfusion", "40m",
      "shortest infusion (`ketamine.dosing`)", Sources.ANDRADE_2017);

  public IvNonStandardDose() {
    super(meta("KET018", Severity.WARNING, "IV dose or infusion time other than the standard 0.5 mg/kg over 40 minutes")
        .thresholds(STANDARD_MG_PER_KG, MIN_INFUSION)
        .sources(Sources.ANDRADE_2017, Sources.FAVA_2018)
        .explanation("""
            For `route: iv`, reports a dose other than `standardMgPerKg` (a dose in mg is divided
            by `patient.weightKg`; without a weight it is not checked) and an infusion
            (`ketamine.dosing`) shorter than `minInfusion`.

            0.5 mg/kg over 40 minutes is the dose in most trials (Andrade 2017); reported ranges
            run from 0.1 to 0.75 mg/kg and from 2 to 100 minutes, and in a dose-finding trial
            0.1 and 0.2 mg/kg did not beat placebo. Doses above the studied maximum are KET014.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!"iv".equals(c.route())) return out;
    BigDecimal weight = c.plan().patient() == null ? null : c.plan().patient().weightKg();
    BigDecimal std = c.value(STANDARD_MG_PER_KG);
    for (Map.Entry<String, Phase> e : Doses.dosePaths(c).entrySet()) {
      Dose d = c.dose(e.getValue());
      BigDecimal perKg = Doses.perKg(d, weight);
      if (perKg != null && perKg.compareTo(std) != 0) {
        out.add(c.finding(e.getKey(), "IV dose " + d + (d.perKg() ? "" : " (" + Doses.plain(perKg) + " mg/kg for " + Doses.plain(weight) + " kg)")
            + " differs from the standard " + std.toPlainString() + " mg/kg (fact 27)"));
      }
    }
    PlanDuration min = c.value(MIN_INFUSION);
    PlanDuration dosing = c.plan().ketamine().dosing();
    if (dosing.compareTo(min) < 0) {
      out.add(c.finding("ketamine.dosing", "the IV infusion takes " + dosing + ", shorter than the standard " + min + " (fact 27)"));
    }
    return out;
  }
}
