package org.kplan.plan;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YMap;

/**
 * A loaded plan (version 1), after {@code extends} was merged. Immutable. {@code source} is the
 * merged YAML tree, kept so that every finding can point at the node it is about.
 */
public record Plan(
    int version,
    String kind,
    String id,
    Patient patient,
    ZoneId timezone,
    LocalDate start,
    Clinic clinic,
    Ketamine ketamine,
    Therapy therapy,
    List<Habit> habits,
    List<FollowUp> followUps,
    List<Waiver> waivers,
    YMap rules,
    YMap source,
    String file) {

  public static final List<String> ROUTES = List.of("iv", "im", "intranasal", "oral", "sublingual");

  /** This plan with another start date (for {@code --start}). */
  public Plan withStart(LocalDate newStart) {
    return new Plan(version, kind, id, patient, timezone, newStart, clinic, ketamine, therapy, habits, followUps, waivers, rules, source, file);
  }

  /** This plan in another time zone (a template without one is checked in UTC). */
  public Plan withTimezone(ZoneId zone) {
    return new Plan(version, kind, id, patient, zone, start, clinic, ketamine, therapy, habits, followUps, waivers, rules, source, file);
  }

  public boolean isTemplate() {
    return "template".equals(kind);
  }

  /** Total dosing sessions over all phases. */
  public int totalSessions() {
    int n = 0;
    if (ketamine != null) for (Phase p : ketamine.phases()) n += p.sessions();
    return n;
  }

  /**
   * The position of the node at {@code path} (dot-separated keys, {@code [i]} for list items, as
   * in {@code ketamine.phases[1].dose}); the nearest existing ancestor when the node is absent.
   */
  public Pos pos(String path) {
    return locate(source, path, file);
  }

  /** The node at {@code path}, if present. */
  public Optional<YNode> node(String path) {
    YNode cur = source;
    for (String part : path.split("\\.")) {
      String key = part;
      int idx = -1;
      int b = part.indexOf('[');
      if (b >= 0) {
        key = part.substring(0, b);
        idx = Integer.parseInt(part.substring(b + 1, part.length() - 1));
      }
      if (!(cur instanceof YMap m) || m.get(key) == null) return Optional.empty();
      cur = m.get(key);
      if (idx >= 0) {
        if (!(cur instanceof YList l) || idx >= l.items().size()) return Optional.empty();
        cur = l.items().get(idx);
      }
    }
    return Optional.of(cur);
  }

  static Pos locate(YMap root, String path, String file) {
    if (root == null) return Pos.of(file);
    YNode cur = root;
    Pos best = root.pos();
    for (String part : path.split("\\.")) {
      String key = part;
      int idx = -1;
      int b = part.indexOf('[');
      if (b >= 0) {
        key = part.substring(0, b);
        idx = Integer.parseInt(part.substring(b + 1, part.length() - 1));
      }
      if (!(cur instanceof YMap m)) break;
      YNode.Entry e = m.entries().get(key);
      if (e == null) break;
      best = e.keyPos();
      cur = e.value();
      if (idx >= 0) {
        if (!(cur instanceof YList l) || idx >= l.items().size()) break;
        cur = l.items().get(idx);
        best = cur.pos();
      }
    }
    return best;
  }

  public record Patient(
      String ref,
      String initials,
      LocalDate birthDate,
      BigDecimal weightKg,
      LocalDate guardianConsent,
      LocalDate assent,
      List<String> contraindications,
      List<String> medications) {}

  /** Opening hours for one weekday: {@code open} to {@code close} (close may be 24:00, given as {@code null}). */
  public record Hours(LocalTime open, LocalTime close) {
    /** True when [from, to] on one date (to may be midnight of the next day) lies inside these hours. */
    public boolean contains(LocalTime from, LocalTime to, boolean toIsNextMidnight) {
      if (from.isBefore(open)) return false;
      if (close == null) return true;
      if (toIsNextMidnight) return false;
      return !to.isAfter(close);
    }

    @Override
    public String toString() {
      return open + "-" + (close == null ? "24:00" : close.toString());
    }
  }

  public record DateRange(LocalDate from, LocalDate to) {
    public boolean contains(LocalDate d) {
      return !d.isBefore(from) && !d.isAfter(to);
    }
  }

  public record Clinic(String name, Map<DayOfWeek, Hours> hours, List<DateRange> closed, String holidays, Integer chairs) {}

  /** A dose: either {@code mgPerKg} or {@code mg} is set. */
  public record Dose(BigDecimal mgPerKg, BigDecimal mg) {
    public boolean perKg() {
      return mgPerKg != null;
    }

    @Override
    public String toString() {
      return perKg() ? mgPerKg.stripTrailingZeros().toPlainString() + " mg/kg" : mg.stripTrailingZeros().toPlainString() + " mg";
    }
  }

  public record Phase(
      String name,
      int sessions,
      Integer perWeek,
      PlanDuration every,
      Dose dose,
      List<DayOfWeek> days,
      LocalTime time,
      int index) {}

  public record SessionTask(String id, String name, PlanDuration at, String kind, PlanDuration duration, int index) {}

  public record Ketamine(
      String route,
      String indication,
      Dose dose,
      PlanDuration dosing,
      PlanDuration monitoring,
      LocalTime time,
      List<DayOfWeek> days,
      PlanDuration minSpacing,
      List<Phase> phases,
      List<SessionTask> sessionTasks,
      String offLabelRationale) {}

  public record Therapy(
      String modality,
      PlanDuration duration,
      PlanDuration windowFrom,
      PlanDuration windowTo,
      int preferredDay,
      LocalTime time,
      int perSession) {}

  /** How a habit or follow-up repeats: every N days, every N weeks, or on given weekdays each week. */
  public record Recurrence(int intervalDays, List<DayOfWeek> weekdays) {
    public boolean byWeekdays() {
      return !weekdays.isEmpty();
    }
  }

  public record Habit(
      String id,
      String name,
      String kind,
      Recurrence every,
      LocalTime time,
      PlanDuration duration,
      Milestone from,
      Milestone until,
      int index) {}

  public record FollowUp(
      String id,
      String name,
      String kind,
      Recurrence every,
      DayOfWeek day,
      LocalTime time,
      PlanDuration duration,
      Milestone from,
      Milestone until,
      List<Milestone> at,
      int index) {
    public boolean recurring() {
      return every != null;
    }
  }

  public record Waiver(String rule, String reason, String approvedBy, List<Integer> sessions, Pos pos, int index) {}
}
