package org.kplan.rules.wav;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Waiver;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rules;
import org.kplan.rules.Sources;

/** WAV001: a waiver without a reason or an approver. */
public final class IncompleteWaiver extends Rules.WaiverRule {
  public IncompleteWaiver() {
    super(meta("WAV001", Severity.ERROR, "Waiver without a reason or an approver")
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            Every entry of `waivers:` must give a `reason` and `approvedBy` (who approved the
            exception). A waiver without them silences nothing: the findings it meant to silence
            are still reported, and this finding says why.

            A waiver is a clinical decision to depart from a source-backed default; the reason
            and the approver make that decision auditable.
            """));
  }

  @Override
  public List<Finding> check(Rules.WaiverCheck w, Check c) {
    List<Finding> out = new ArrayList<>();
    for (Waiver v : w.waivers()) {
      List<String> missing = new ArrayList<>();
      if (v.reason() == null) missing.add("`reason`");
      if (v.approvedBy() == null) missing.add("`approvedBy`");
      if (missing.isEmpty()) continue;
      out.add(c.finding("waivers[" + v.index() + "]", "waiver" + (v.rule() == null ? "" : " for " + v.rule()) + " has no "
          + String.join(" and no ", missing) + ", so it silences nothing; a waiver records why and who approved it"));
    }
    return out;
  }
}
