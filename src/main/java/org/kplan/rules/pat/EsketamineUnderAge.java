package org.kplan.rules.pat;

import java.util.List;
import java.util.Optional;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** PAT006: esketamine (route intranasal) for a patient under the label's age. */
public final class EsketamineUnderAge extends Rule {
  static final Threshold<Integer> MIN_AGE = Threshold.integer("minAge", 18, 1, 30, "years",
      "youngest age at the first dose for esketamine nasal spray", Sources.ESK_PEDIATRIC, Sources.AACAP_2018);

  public EsketamineUnderAge() {
    super(meta("PAT006", Severity.ERROR, "Esketamine nasal spray for a patient under the label's age")
        .thresholds(MIN_AGE)
        .sources(Sources.ESK_PEDIATRIC, Sources.AACAP_2018)
        .explanation("""
            Esketamine in kplan is `route: intranasal`. The rule reports such a plan when the
            patient is younger than `minAge` at the first dose.

            The Spravato prescribing information says it is "not approved in pediatric patients";
            the antidepressant class warning reports 14 more patients per 1,000 with suicidal
            thoughts or behaviour on drug than on placebo under 18. The AACAP Psychopharmacology
            Committee (2018) found esketamine "not proven to be safe or indicated in children and
            adolescents". A research protocol that doses adolescents waives this rule with its
            approval.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (!"intranasal".equals(c.route())) return List.of();
    int min = c.value(MIN_AGE);
    Optional<Integer> age = c.ageAtFirstDose();
    if (age.isEmpty() || age.get() >= min) return List.of();
    return List.of(c.finding("ketamine.route", "esketamine (route intranasal) for a patient aged " + age.get()
        + " at the first dose; the label does not approve it under " + min + " (fact 24) and AACAP does not"
        + " recommend it in adolescents (fact 26)"));
  }
}
