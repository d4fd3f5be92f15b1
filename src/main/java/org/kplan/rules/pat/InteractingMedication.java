package org.kplan.rules.pat;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT007: a medication class that interacts with (es)ketamine. */
public final class InteractingMedication extends Rule {
  static final List<String> INTERACTING = List.of("benzodiazepine", "sedative-hypnotic", "opioid", "psychostimulant", "maoi");

  public InteractingMedication() {
    super(meta("PAT007", Severity.WARNING, "Interacting medication listed for the patient")
        .sources(Sources.ESK_INTERACTIONS)
        .explanation("""
            Reports each entry of `patient.medications` that interacts with ketamine or
            esketamine: benzodiazepines, other sedative hypnotics and opioids (more sedation),
            psychostimulants and MAOIs (higher blood pressure).

            The Spravato label lists these interactions, and the REMS Patient Monitoring Form asks
            about benzodiazepines, non-benzodiazepine sedative hypnotics, psychostimulants and
            MAOIs at every session. Record the monitoring decision in a waiver's reason.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().patient() == null) return out;
    List<String> meds = c.plan().patient().medications();
    for (int i = 0; i < meds.size(); i++) {
      String m = meds.get(i);
      if (!INTERACTING.contains(m)) continue;
      String effect = m.equals("psychostimulant") || m.equals("maoi") ? "raises blood pressure" : "adds sedation";
      out.add(c.finding("patient.medications[" + i + "]", "`" + m + "` " + effect
          + " with ketamine or esketamine; the REMS form asks about it at every session (fact 21)"));
    }
    return out;
  }
}
