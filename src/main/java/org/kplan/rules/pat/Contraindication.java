package org.kplan.rules.pat;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PAT003: a label contraindication in {@code patient.contraindications}. */
public final class Contraindication extends Rule {
  /** The label contraindications among the plan format's contraindication words. */
  public static final List<String> LABEL = List.of(
      "aneurysmal-vascular-disease", "arteriovenous-malformation", "intracerebral-hemorrhage",
      "ketamine-hypersensitivity", "esketamine-hypersensitivity");

  public Contraindication() {
    super(meta("PAT003", Severity.ERROR, "Label contraindication listed for the patient")
        .sources(Sources.ESK_CONTRA, Sources.KETALAR)
        .explanation("""
            Reports each entry of `patient.contraindications` that the label lists as a
            contraindication: aneurysmal vascular disease, arteriovenous malformation, a history of
            intracerebral haemorrhage, and hypersensitivity to ketamine or esketamine.

            These are contraindications in the Spravato (esketamine) prescribing information; the
            Ketalar (ketamine) label contraindicates ketamine where a significant rise in blood
            pressure would be a serious hazard, which covers the vascular conditions. A plan that
            goes ahead anyway needs a waiver with the reason and the approving clinician.
            Conditions that are warnings rather than contraindications are PAT004.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (c.plan().patient() == null) return out;
    List<String> list = c.plan().patient().contraindications();
    for (int i = 0; i < list.size(); i++) {
      if (LABEL.contains(list.get(i))) {
        out.add(c.finding("patient.contraindications[" + i + "]", "`" + list.get(i)
            + "` is a contraindication in the esketamine and ketamine labels (facts 19, 35)"));
      }
    }
    return out;
  }
}
