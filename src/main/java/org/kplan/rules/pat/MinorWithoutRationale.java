package org.kplan.rules.pat;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** PAT008: ketamine for a minor without a written off-label rationale. */
public final class MinorWithoutRationale extends Rule {
  static final Threshold<Integer> ADULT_AGE = Threshold.integer("adultAge", 18, 1, 30, "years",
      "age below which ketamine use is off-label with research-level evidence", Sources.AACAP_2018, Sources.ADOLESCENT_TRIALS);

  public MinorWithoutRationale() {
    super(meta("PAT008", Severity.WARNING, "Ketamine for a minor without an off-label rationale")
        .thresholds(ADULT_AGE)
        .sources(Sources.AACAP_2018, Sources.ADOLESCENT_TRIALS)
        .explanation("""
            For a patient younger than `adultAge` at the first dose, `ketamine.offLabelRationale`
            should say why ketamine is used, who signed off and in what specialist or research
            context.

            No label or guideline covers ketamine under 18; the evidence is a handful of small
            trials (Dwyer 2021, Cullen 2018, the Yale protocol, an ongoing RCT), and AACAP (2018)
            advises "extreme caution" with ketamine and esketamine in youth.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (!c.minor(ADULT_AGE) || c.plan().ketamine() == null || c.plan().ketamine().offLabelRationale() != null) return List.of();
    return List.of(c.finding("ketamine", "the patient is " + c.ageAtFirstDose().orElseThrow() + " at the first dose and"
        + " `ketamine.offLabelRationale` is empty; ketamine under " + c.value(ADULT_AGE)
        + " is off-label with research-level evidence only (facts 26, 40-43)"));
  }
}
