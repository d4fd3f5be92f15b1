package org.kplan.rules.pat;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** PAT001: a minor without a dated guardian consent and patient assent. */
public final class MinorWithoutConsent extends Rule {
  static final Threshold<Integer> ADULT_AGE = Threshold.integer("adultAge", 18, 1, 30, "years",
      "age from which a patient consents alone; the age of majority or of mental-health self-consent where the clinic is",
      Sources.AAP_CONSENT);

  public MinorWithoutConsent() {
    super(meta("PAT001", Severity.ERROR, "Minor without a dated guardian consent and patient assent")
        .thresholds(ADULT_AGE)
        .sources(Sources.AAP_CONSENT)
        .explanation("""
            For a patient younger than `adultAge` at the first dose, the plan must give the date a
            parent or legal guardian signed consent (`patient.guardianConsent`) and the date of the
            patient's own assent (`patient.assent`). Each missing date is one finding.

            The AAP policy on informed consent in pediatric practice (2016, reaffirmed 2023) asks
            for informed permission from parents or guardians and for the patient's assent
            whenever reasonable. Consent law differs between jurisdictions (who may consent to
            mental-health care, from what age), so the age is a threshold: a clinic sets it in its
            profile. Age is counted at the date of the first scheduled dose.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!c.minor(ADULT_AGE) || c.plan().patient() == null) return out;
    int age = c.ageAtFirstDose().orElseThrow();
    String who = "the patient is " + age + " at the first dose (" + c.firstDoseDate() + "), under " + c.value(ADULT_AGE);
    if (c.plan().patient().guardianConsent() == null) {
      out.add(c.finding("patient", who + ", and `patient.guardianConsent` gives no date; minors need a parent's or guardian's"
          + " documented permission (AAP, fact 67)"));
    }
    if (c.plan().patient().assent() == null) {
      out.add(c.finding("patient", who + ", and `patient.assent` gives no date; a minor's own assent is documented"
          + " whenever reasonable (AAP, fact 67)"));
    }
    return out;
  }
}
