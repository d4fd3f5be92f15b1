package org.kplan.rules.pat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT002: consent or assent dated after the first dose. */
public final class ConsentAfterFirstDose extends Rule {
  public ConsentAfterFirstDose() {
    super(meta("PAT002", Severity.ERROR, "Consent or assent dated after the first dose")
        .sources(Sources.AAP_CONSENT)
        .explanation("""
            `patient.guardianConsent` and `patient.assent`, when given, must be dated on or before
            the day of the first scheduled dose. A later date means the plan doses before consent,
            or the date is a typo (a wrong year is common in January).

            Informed permission and assent are obtained before an intervention (AAP policy on
            informed consent in pediatric practice).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().patient() == null || c.firstDose().isEmpty()) return out;
    LocalDate first = c.firstDoseDate();
    LocalDate consent = c.plan().patient().guardianConsent();
    LocalDate assent = c.plan().patient().assent();
    if (consent != null && consent.isAfter(first)) {
      out.add(c.finding("patient.guardianConsent", "guardian consent is dated " + consent + ", after the first dose on " + first
          + "; consent comes before treatment (AAP, fact 67)", c.firstDose().get().id()));
    }
    if (assent != null && assent.isAfter(first)) {
      out.add(c.finding("patient.assent", "the patient's assent is dated " + assent + ", after the first dose on " + first
          + "; assent comes before treatment (AAP, fact 67)", c.firstDose().get().id()));
    }
    return out;
  }
}
