package org.kplan.rules.pat;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT009: a patient without a birth date, so the age rules cannot run. */
public final class NoBirthDate extends Rule {
  public NoBirthDate() {
    super(meta("PAT009", Severity.WARNING, "No birth date, so the rules for minors cannot run")
        .sources(Sources.AAP_CONSENT, Sources.ESK_PEDIATRIC)
        .explanation("""
            A plan (not a template) whose patient has no `birthDate`. kplan counts age at the
            first dose; without it the rules for minors (PAT001 consent, PAT006 esketamine age,
            PAT008 off-label rationale, FUP003 family involvement) and the age-dependent
            thresholds (KET010, KET014, HAB004) cannot apply, so a minor's plan would pass
            unchecked.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    if (c.plan().isTemplate() || c.plan().patient() == null || c.plan().patient().birthDate() != null) return List.of();
    return List.of(c.finding("patient", "`patient.birthDate` is not given, so the rules for minors (PAT001, PAT006, PAT008,"
        + " FUP003) cannot tell whether the patient is under 18"));
  }
}
