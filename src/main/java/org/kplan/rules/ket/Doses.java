package org.kplan.rules.ket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.PlanDuration;
import org.kplan.rules.Check;
import org.kplan.schedule.Event;

/** Helpers the dosing rules share. */
final class Doses {
  private Doses() {}

  /** The doses of the plan by where they are written, each with the first phase that uses it. */
  static Map<String, Phase> dosePaths(Check c) {
    Map<String, Phase> out = new LinkedHashMap<>();
    for (Phase p : c.plan().ketamine().phases()) {
      if (c.dose(p) != null) out.putIfAbsent(c.dosePath(p), p);
    }
    return out;
  }

  /** The dose in mg/kg: as written, or mg divided by the weight; null when unknown. */
  static BigDecimal perKg(Dose d, BigDecimal weight) {
    if (d.perKg()) return d.mgPerKg();
    if (weight == null) return null;
    return d.mg().divide(weight, 3, RoundingMode.HALF_UP);
  }

  /** The dose in mg: as written, or mg/kg times the weight; null when unknown. */
  static BigDecimal mg(Dose d, BigDecimal weight) {
    if (!d.perKg()) return d.mg();
    if (weight == null) return null;
    return d.mgPerKg().multiply(weight).setScale(1, RoundingMode.HALF_UP);
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * For each dose, the doses that start in the 7 calendar days (in the plan's zone) up to and
   * including its day: a rolling week. Calendar days, not elapsed hours, so that a weekly session
   * across a DST change (6 days 23 hours later) is not counted twice.
   */
  static List<List<Event>> rollingWeeks(List<Event> doses) {
    int n = doses.size();
    long[] day = new long[n];
    boolean inOrder = true;
    for (int i = 0; i < n; i++) {
      day[i] = doses.get(i).start().toLocalDate().toEpochDay();
      if (i > 0 && day[i] < day[i - 1]) inOrder = false;
    }
    if (inOrder) {
      // days never go backwards (the engine places each session on a later day): the doses of a
      // rolling week are a run that ends at the dose, and its start only moves forward
      List<List<Event>> out = new ArrayList<>(n);
      int lo = 0;
      for (int i = 0; i < n; i++) {
        while (day[i] - day[lo] >= 7) lo++;
        out.add(doses.subList(lo, i + 1));
      }
      return out;
    }
    List<List<Event>> out = new ArrayList<>();
    for (int i = 0; i < doses.size(); i++) {
      List<Event> in = new ArrayList<>();
      for (int j = 0; j <= i; j++) {
        if (java.time.temporal.ChronoUnit.DAYS.between(doses.get(j).start().toLocalDate(), doses.get(i).start().toLocalDate()) < 7) {
          in.add(doses.get(j));
        }
      }
      out.add(in);
    }
    return out;
  }

  static String ordinal(int n) {
    if (n % 100 >= 11 && n % 100 <= 13) return n + "th";
    return n + switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** A duration as a plan would write it ({@code 47h}, {@code 1h30m}). */
  static String duration(Duration d) {
    return PlanDuration.ofMinutes(d.toMinutes()).toString();
  }
}
