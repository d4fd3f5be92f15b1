package org.kplan.cli;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;

/**
 * The answers of {@code kplan init}, and the plan text they make: a plan that extends a template
 * and gives only what is the patient's and the clinic's own.
 */
record PlanDraft(
    String template,
    String id,
    String patient,
    LocalDate birthDate,
    BigDecimal weightKg,
    LocalDate guardianConsent,
    LocalDate assent,
    ZoneId timezone,
    LocalDate start,
    Set<DayOfWeek> days,
    Plan.Hours hours,
    Map<String, String> templateHours) {

  /** The plan as YAML. {@code templateHours} (the template's clinic.hours keys) are closed when the answer differs. */
  String yaml() {
    StringBuilder y = new StringBuilder();
    y.append("# A treatment plan written by `kplan init`. Everything not given here comes from the template\n");
    y.append("# it extends (`kplan templates`): mappings merge key by key, lists replace.\n");
    y.append("# Check it with `kplan show FILE` or `kplan schedule FILE`.\n");
    y.append("version: 1\n");
    y.append("kind: plan\n");
    y.append("id: ").append(id).append('\n');
    y.append("extends: ").append(scalar(template)).append('\n');
    y.append('\n');
    y.append("patient:\n");
    y.append("  ref: ").append(scalar(patient)).append('\n');
    if (birthDate != null) y.append("  birthDate: ").append(birthDate).append('\n');
    if (weightKg != null) y.append("  weightKg: ").append(weightKg.stripTrailingZeros().toPlainString()).append('\n');
    if (guardianConsent != null) y.append("  guardianConsent: ").append(guardianConsent).append('\n');
    if (assent != null) y.append("  assent: ").append(assent).append('\n');
    y.append('\n');
    y.append("timezone: ").append(timezone.getId()).append('\n');
    y.append("start: ").append(start).append('\n');
    y.append('\n');
    y.append("clinic:\n");
    y.append("  hours:\n");
    String key = weekdays(days);
    String value = hours.toString();
    boolean replaces = !templateHours.isEmpty() && !(templateHours.size() == 1 && templateHours.containsKey(key));
    if (replaces) y.append("    # the template's opening hours, replaced by this clinic's\n");
    for (String k : templateHours.keySet()) {
      if (!k.equals(key)) y.append("    ").append(k).append(": ").append(PlanLoader.CLOSED).append('\n');
    }
    y.append("    ").append(key).append(": \"").append(value).append("\"\n");
    return y.toString();
  }

  /** Weekdays written shortly: consecutive runs as ranges ({@code mon-fri,sun}). */
  static String weekdays(Set<DayOfWeek> days) {
    List<String> parts = new ArrayList<>();
    List<DayOfWeek> sorted = new ArrayList<>(new TreeSet<>(days));
    for (int i = 0; i < sorted.size(); ) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1).getValue() == sorted.get(j).getValue() + 1) j++;
      String a = word(sorted.get(i)), b = word(sorted.get(j));
      if (j == i) parts.add(a);
      else if (j == i + 1) {
        parts.add(a);
        parts.add(b);
      } else parts.add(a + "-" + b);
      i = j + 1;
    }
    return String.join(",", parts);
  }

  static String word(DayOfWeek d) {
    return d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
  }

  /** The template's opening hours as YAML keys and values, in order. */
  static Map<String, String> hoursOf(Plan template) {
    Map<String, String> out = new LinkedHashMap<>();
    template.node("clinic.hours").ifPresent(n -> {
      if (n instanceof org.kplan.plan.YNode.YMap m) {
        m.entries().forEach((k, e) -> out.put(k, e.value() instanceof org.kplan.plan.YNode.YScalar s ? s.text() : ""));
      }
    });
    return out;
  }

  /** A plain scalar when that is safe in YAML, else a double-quoted one. */
  static String scalar(String s) {
    if (s.matches("(\\.\\.?/)*[A-Za-z0-9][A-Za-z0-9._/-]*") && !s.matches("(?i)(true|false|yes|no|on|off|null|~|[0-9._-]+)")) return s;
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\x%02x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
