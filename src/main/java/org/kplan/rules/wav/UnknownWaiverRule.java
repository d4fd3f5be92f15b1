package org.kplan.rules.wav;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Waiver;
import org.kplan.plan.Severity;
import org.kplan.plan.Suggest;
import org.kplan.rules.Catalogue;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Rules;
import org.kplan.rules.Sources;

/** WAV003: a waiver for a rule that does not exist or cannot be waived. */
public final class UnknownWaiverRule extends Rules.WaiverRule {
  public UnknownWaiverRule() {
    super(meta("WAV003", Severity.ERROR, "Waiver for an unknown rule or one that cannot be waived")
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            A waiver's `rule` must name a rule of the catalogue (`kplan rules`). Structural rules
            (PLN001 to PLN006) and the waiver rules themselves (WAV) cannot be waived. The message
            suggests the nearest code for a typo.
            """));
  }

  @Override
  public List<Finding> check(Rules.WaiverCheck w, Check c) {
    List<Finding> out = new ArrayList<>();
    for (Waiver v : w.waivers()) {
      if (v.rule() == null) continue;
      Rule r = w.rule(v).orElse(null);
      String path = "waivers[" + v.index() + "].rule";
      if (r == null) {
        out.add(c.finding(path, "waiver for unknown rule " + v.rule() + Suggest.didYouMean(v.rule(), Catalogue.codes())
            + " (run `kplan rules` for the catalogue)"));
      } else if (!r.waivable()) {
        out.add(c.finding(path, r.code() + " cannot be waived: " + (r.family().name().equals("WAV")
            ? "waiver rules check the waivers themselves" : "a plan with a structural problem cannot be scheduled")));
      }
    }
    return out;
  }
}
