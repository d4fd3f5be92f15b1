package org.kplan.rules.ket;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET014: an IV ketamine dose above the studied maximum, or above the per-dose cap for minors. */
public final class IvDoseAboveMaximum extends Rule {
  static final Threshold<BigDecimal> MAX_MG_PER_KG = Threshold.decimal("maxMgPerKg", "1.0", "0.01", "10", "mg/kg",
      "highest IV dose per kg", Sources.FAVA_2018);
  static final Threshold<Integer> MINOR_MAX_MG = Threshold.integer("minorMaxMg", 40, 1, 1000, "mg",
      "highest single IV dose for a patient under `adultAge`", Sources.YALE_CAP);
  static final Threshold<Integer> ADULT_AGE = Threshold.integer("adultAge", 18, 1, 30, "years",
      "age from which `minorMaxMg` no longer applies", Sources.YALE_CAP);

  public IvDoseAboveMaximum() {
    super(meta("KET014", Severity.ERROR, "IV ketamine dose above the studied maximum")
        .thresholds(MAX_MG_PER_KG, MINOR_MAX_MG, ADULT_AGE)
        .sources(Sources.FAVA_2018, Sources.YALE_CAP)
        .explanation("""
            For `route: iv`, reports a dose (in `ketamine.dose` or a phase's `dose`) above
            `maxMgPerKg` (a dose in mg is divided by `patient.weightKg`), and, for a patient
            under `adultAge` at the first dose, a single dose above `minorMaxMg` mg.

            The dose-finding trial of Fava et al. compared 0.1 to 1.0 mg/kg; nothing above
            1.0 mg/kg was studied for depression. The Yale adolescent protocol gives 0.5 mg/kg
            with at most 40 mg per dose (the dose for 80 kg). Doses other than the standard
            0.5 mg/kg are KET018.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!"iv".equals(c.route())) return out;
    BigDecimal weight = c.plan().patient() == null ? null : c.plan().patient().weightKg();
    BigDecimal max = c.value(MAX_MG_PER_KG);
    boolean minor = c.minor(ADULT_AGE);
    BigDecimal cap = BigDecimal.valueOf(c.value(MINOR_MAX_MG));
    for (Map.Entry<String, Phase> e : Doses.dosePaths(c).entrySet()) {
      Dose d = c.dose(e.getValue());
      BigDecimal perKg = Doses.perKg(d, weight);
      if (perKg != null && perKg.compareTo(max) > 0) {
        out.add(c.finding(e.getKey(), "IV dose " + d + (d.perKg() ? "" : " (" + Doses.plain(perKg) + " mg/kg for " + Doses.plain(weight) + " kg)")
            + " is above " + max.toPlainString() + " mg/kg, the highest dose studied for depression (fact 28)"));
      }
      BigDecimal mg = Doses.mg(d, weight);
      if (minor && mg != null && mg.compareTo(cap) > 0) {
        out.add(c.finding(e.getKey(), "IV dose " + d + (d.perKg() ? " is " + Doses.plain(mg) + " mg for " + Doses.plain(weight) + " kg," : "")
            + " above the " + cap + " mg per-dose cap of the adolescent protocol (fact 42) for a patient aged "
            + c.ageAtFirstDose().orElseThrow()));
      }
    }
    return out;
  }
}
