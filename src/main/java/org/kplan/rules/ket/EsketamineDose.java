package org.kplan.rules.ket;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.rules.Threshold;

/** KET010: an esketamine dose that is not a label dose. */
public final class EsketamineDose extends Rule {
  static final Threshold<List<Integer>> DOSES = Threshold.integers("doses", List.of(28, 56, 84), 1, 1000, "mg",
      "the doses the label allows (one device holds 28 mg)", Sources.ESK_DEVICES);
  static final Threshold<Integer> FIRST_DOSE = Threshold.integer("firstDose", 56, 1, 1000, "mg",
      "the day-1 dose", Sources.ESK_INDUCTION);
  static final Threshold<Integer> OLDER_FIRST_DOSE = Threshold.integer("olderFirstDose", 28, 1, 1000, "mg",
      "the day-1 dose from `olderAge`", Sources.ESK_OLDER);
  static final Threshold<Integer> OLDER_AGE = Threshold.integer("olderAge", 65, 1, 130, "years",
      "age at the first dose from which `olderFirstDose` applies", Sources.ESK_OLDER);

  public EsketamineDose() {
    super(meta("KET010", Severity.ERROR, "Esketamine dose that is not a label dose")
        .thresholds(DOSES, FIRST_DOSE, OLDER_FIRST_DOSE, OLDER_AGE)
        .sources(Sources.ESK_INDUCTION, Sources.ESK_DEVICES, Sources.ESK_OLDER)
        .explanation("""
            For `route: intranasal` (esketamine nasal spray), every dose in `ketamine.dose` and
            in the phases must be given in mg (not mg/kg) and be one of `doses`; the first
            session's dose must be `firstDose` (`olderFirstDose` when the patient is `olderAge`
            or older at the first dose); and 84 mg may only follow an earlier 56 mg phase.

            The Spravato label: one device holds 28 mg, so doses are 28, 56 or 84 mg; day 1 is
            56 mg, and patients 65 or older start at 28 mg; 84 mg is given only after a 56 mg
            starting dose.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    if (!"intranasal".equals(c.route())) return out;
    List<Integer> allowed = c.value(DOSES);
    Map<String, Phase> paths = Doses.dosePaths(c);
    for (Map.Entry<String, Phase> e : paths.entrySet()) {
      Dose d = c.dose(e.getValue());
      if (d.perKg()) {
        out.add(c.finding(e.getKey(), "esketamine is dosed in mg (28 mg per device), not " + d + " (fact 5)"));
      } else if (!isOneOf(d.mg(), allowed)) {
        out.add(c.finding(e.getKey(), "esketamine dose " + d + " is not one of the label doses "
            + DOSES.format(allowed) + " mg (fact 5)"));
      }
    }
    List<Phase> phases = c.plan().ketamine().phases();
    if (phases.isEmpty()) return out;
    Phase first = phases.get(0);
    Dose d1 = c.dose(first);
    if (d1 != null && !d1.perKg()) {
      int olderAge = c.value(OLDER_AGE);
      Optional<Integer> age = c.ageAtFirstDose();
      boolean older = age.isPresent() && age.get() >= olderAge;
      int expected = older ? c.value(OLDER_FIRST_DOSE) : c.value(FIRST_DOSE);
      if (d1.mg().compareTo(BigDecimal.valueOf(expected)) != 0) {
        out.add(c.finding(c.dosePath(first), "the first esketamine dose is " + d1 + "; the label's day-1 dose is " + expected
            + " mg" + (older ? " from age " + olderAge + " (fact 6)" : " (fact 1; " + c.value(OLDER_FIRST_DOSE) + " mg from age " + olderAge + ", fact 6)"),
            c.firstDose().isPresent() ? c.firstDose().get().id() : null));
      }
    }
    boolean had56 = false;
    for (Phase p : phases) {
      Dose d = c.dose(p);
      if (d == null || d.perKg()) continue;
      if (d.mg().compareTo(BigDecimal.valueOf(56)) == 0) had56 = true;
      if (d.mg().compareTo(BigDecimal.valueOf(84)) == 0 && !had56) {
        out.add(c.finding(c.dosePath(p), "phase `" + p.name() + "` gives 84 mg before any 56 mg dose; the label gives 84 mg"
            + " only after a 56 mg start (fact 5)"));
        break;
      }
    }
    List<Finding> distinct = new ArrayList<>();
    for (Finding f : out) if (!distinct.contains(f)) distinct.add(f);
    return Collections.unmodifiableList(distinct);
  }

  private static boolean isOneOf(BigDecimal mg, List<Integer> allowed) {
    for (Integer a : allowed) if (mg.compareTo(BigDecimal.valueOf(a)) == 0) return true;
    return false;
  }
}
