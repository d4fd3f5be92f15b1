package org.kplan.rules.wav;

import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Waiver;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Rules;
import org.kplan.rules.Sources;

/** WAV002: a waiver that silences nothing. */
public final class UnusedWaiver extends Rules.WaiverRule {
  public UnusedWaiver() {
    super(meta("WAV002", Severity.WARNING, "Waiver that silences nothing")
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            A complete waiver (rule, reason, approver) whose rule reports nothing in this plan
            (for the listed `sessions`, if any). It is stale, for instance after the plan was
            fixed, or names the wrong rule or session, and it would silently hide a future
            finding.
            """));
  }

  @Override
  public List<Finding> check(Rules.WaiverCheck w, Check c) {
    List<Finding> out = new ArrayList<>();
    for (Waiver v : w.waivers()) {
      if (!w.valid(v) || !w.silenced(v).isEmpty()) continue;
      Rule r = w.rule(v).orElseThrow();
      String off = w.enabled(r) ? "" : " (" + r.code() + " is switched off by the rule profile)";
      String sessions = v.sessions().isEmpty() ? "" : " for session" + (v.sessions().size() == 1 ? " " : "s ")
          + joined(v.sessions());
      out.add(c.finding("waivers[" + v.index() + "]", "waiver for " + r.code() + " silences nothing: the plan has no " + r.code()
          + " finding" + sessions + off + "; remove the waiver"));
    }
    return out;
  }

  private static String joined(List<Integer> sessions) {
    StringBuilder b = new StringBuilder();
    for (Integer s : sessions) {
      if (b.length() > 0) b.append(", ");
      b.append(s);
    }
    return b.toString();
  }
}
