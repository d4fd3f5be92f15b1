package org.kplan.rules.pat;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT004: a condition that is a label warning or a usual trial exclusion. */
public final class LabelWarning extends Rule {
  public LabelWarning() {
    super(meta("PAT004", Severity.WARNING, "Condition listed that is a label warning or a usual trial exclusion")
        .sources(Sources.ESK_WARNINGS, Sources.TRIAL_EXCLUSIONS, Sources.KETALAR)
        .explanation("""
            Reports each entry of `patient.contraindications` that is not an absolute
            contraindication but a warning in the label or a usual exclusion in ketamine trials:
            pregnancy, lactation, psychosis, mania, substance use disorder, uncontrolled
            hypertension, moderate or severe hepatic impairment, and a history of hypertensive
            encephalopathy.

            The Spravato label asks the prescriber to weigh benefit against risk for these
            (psychosis: "carefully assess"; moderate hepatic impairment: may need longer
            monitoring; severe: not recommended), and trials of IV ketamine excluded them. The
            finding records that the plan was made with the condition known; acknowledge it with
            a waiver that gives the clinical reason.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().patient() == null) return out;
    List<String> list = c.plan().patient().contraindications();
    for (int i = 0; i < list.size(); i++) {
      if (!Contraindication.LABEL.contains(list.get(i))) {
        out.add(c.finding("patient.contraindications[" + i + "]", "`" + list.get(i)
            + "` is a warning in the esketamine label or a usual exclusion in ketamine trials (facts 20, 36)"));
      }
    }
    return out;
  }
}
