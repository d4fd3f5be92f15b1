package org.kplan.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan;
import org.kplan.plan.Plan.Waiver;
import org.kplan.schedule.Event;
import org.kplan.schedule.Schedule;

/**
 * The single entry point of the rule catalogue: every finding for a plan and its schedule. It
 * returns the engine's own findings and those of every catalogue rule, with the rule profile
 * applied (rules switched off, severities changed, thresholds set) and the plan's waivers
 * applied, sorted by file, line, column and rule.
 *
 * <p>Profiles stack in this order, later ones winning: the catalogue defaults, the plan's
 * {@code rules:} section (merged with its template's), then the profile passed in (from
 * {@code --rules}). Problems in the plan's {@code rules:} section come back as PLN002/PLN003
 * findings.
 */
public final class Rules {
  private Rules() {}

  /** Findings with the catalogue defaults and the plan's own {@code rules:} section. */
  public static List<Finding> check(Plan plan, Schedule schedule) {
    return check(plan, schedule, Profile.DEFAULTS);
  }

  /** Findings with the plan's {@code rules:} section and then {@code profile} applied. */
  public static List<Finding> check(Plan plan, Schedule schedule, Profile profile) {
    List<Finding> out = new ArrayList<>();
    Profile effective = Profile.DEFAULTS.then(Profile.parse(plan.rules(), out)).then(profile);

    List<Finding> found = new ArrayList<>();
    for (Finding f : schedule.findings()) {
      Optional<Rule> r = Catalogue.get(f.rule());
      if (r.isEmpty() || !r.get().configurable()) {
        found.add(f);
      } else if (effective.enabled(r.get())) {
        found.add(f.withSeverity(effective.severity(r.get())));
      }
    }
    List<WaiverRule> waiverRules = new ArrayList<>();
    Check.Facts facts = new Check.Facts(schedule);
    for (Rule r : Catalogue.ALL) {
      if (r.origin() != Rule.Origin.RULE || !effective.enabled(r)) continue;
      if (r instanceof WaiverRule w) {
        waiverRules.add(w);
        continue;
      }
      for (Finding f : r.check(new Check(r, plan, schedule, effective, facts))) found.add(f.withSeverity(effective.severity(r)));
    }
    WaiverCheck wc = new WaiverCheck(plan, schedule, found, effective);
    for (WaiverRule r : waiverRules) {
      for (Finding f : r.check(wc, new Check(r, plan, schedule, effective, facts))) {
        out.add(f.withSeverity(effective.severity(r)));
      }
    }
    if (plan.waivers().isEmpty()) out.addAll(found);
    else for (Finding f : found) if (!wc.waived(f)) out.add(f);
    Finding[] sorted = out.toArray(new Finding[0]);
    java.util.Arrays.sort(sorted);
    return List.of(sorted);
  }

  /** A rule about the plan's waivers: it also sees the findings the waivers apply to. */
  public abstract static class WaiverRule extends Rule {
    protected WaiverRule(Meta m) {
      super(m);
    }

    /** Waiver rules run after every other rule, through {@link #check(WaiverCheck, Check)}. */
    @Override
    public final List<Finding> check(Check c) {
      throw new UnsupportedOperationException(code() + " checks waivers: Rules.check runs it with the other rules' findings");
    }

    public abstract List<Finding> check(WaiverCheck w, Check c);
  }

  /** The plan's waivers and the findings they meet. */
  public static final class WaiverCheck {
    private final Plan plan;
    private final Schedule schedule;
    private final List<Finding> findings;
    private final Profile profile;

    WaiverCheck(Plan plan, Schedule schedule, List<Finding> findings, Profile profile) {
      this.plan = plan;
      this.schedule = schedule;
      this.findings = List.copyOf(findings);
      this.profile = profile;
    }

    /** The rule a waiver names, when the catalogue has it. */
    public Optional<Rule> rule(Waiver w) {
      return w.rule() == null ? Optional.empty() : Catalogue.get(w.rule());
    }

    /** A waiver counts when it names a waivable rule and gives a reason and an approver. */
    public boolean valid(Waiver w) {
      if (w.reason() == null || w.approvedBy() == null) return false;
      Optional<Rule> r = rule(w);
      return r.isPresent() && r.get().waivable();
    }

    /** True when {@code w} silences {@code f}: same rule and, if the waiver lists sessions, one of them. */
    public boolean covers(Waiver w, Finding f) {
      if (!valid(w) || !w.rule().equals(f.rule())) return false;
      if (w.sessions().isEmpty()) return true;
      if (f.event() == null) return false;
      for (Event e : schedule.events()) {
        if (!e.id().equals(f.event())) continue;
        Integer s = e.session();
        if (s != null && w.sessions().contains(s)) return true;
      }
      return false;
    }

    public boolean waived(Finding f) {
      for (Waiver w : plan.waivers()) if (covers(w, f)) return true;
      return false;
    }

    /** The findings (before waivers) that {@code w} silences. */
    public List<Finding> silenced(Waiver w) {
      List<Finding> out = new ArrayList<>();
      for (Finding f : findings) if (covers(w, f)) out.add(f);
      return Collections.unmodifiableList(out);
    }

    public boolean enabled(Rule r) {
      return profile.enabled(r);
    }

    public List<Waiver> waivers() {
      return plan.waivers();
    }
  }
}
