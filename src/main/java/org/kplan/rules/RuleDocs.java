package org.kplan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogue as text: one rule explained ({@code kplan rules CODE}, SARIF help) and the
 * generated parts of {@code docs/rules.md} (a test fails when the committed file differs).
 */
public final class RuleDocs {
  private RuleDocs() {}

  /** Marks the generated parts of docs/rules.md. */
  public static final String BEGIN = "<!-- BEGIN GENERATED: kplan rule catalogue. Do not edit; see RuleDocsTest. -->";
  public static final String END = "<!-- END GENERATED -->";

  /** {@code kplan rules CODE}: what the rule checks, why, thresholds with sources, how to change or waive it. */
  public static String explain(Rule r) {
    StringBuilder b = new StringBuilder();
    b.append(r.code()).append("  ").append(r.summary()).append('\n');
    b.append("Family:    ").append(r.family().name()).append(" (").append(r.family().title).append(")\n");
    b.append("Severity:  ").append(r.severity().label()).append(" by default\n");
    if (r.origin() != Rule.Origin.RULE) {
      b.append("Reported:  by the ").append(r.origin() == Rule.Origin.LOADER ? "plan loader, while reading the file" : "scheduler, while placing events").append('\n');
    }
    b.append('\n');
    for (String para : paragraphs(r.explanation())) b.append(wrap(para, 2, 92)).append('\n');
    if (!r.thresholds().isEmpty()) {
      b.append("Thresholds:\n");
      for (Threshold<?> t : r.thresholds()) {
        b.append("  ").append(t.name()).append(" = ").append(t.describeDefault()).append('\n');
        b.append(wrap(t.description() + " (" + t.type().expected + "); default from " + refs(t.sources()), 6, 92));
      }
      b.append('\n');
    }
    b.append("Sources:\n");
    for (Source s : allSources(r)) b.append(wrap("- " + s, 2, 92));
    b.append('\n');
    if (r.configurable()) {
      b.append("Change it in a rule profile (--rules FILE, or `rules:` in the plan or its template):\n");
      b.append("  rules:\n    ").append(r.code()).append(": ").append(example(r)).append("\n");
      b.append("or switch it off:\n");
      b.append("  rules:\n    ").append(r.code()).append(": off\n");
    } else {
      b.append("A rule profile cannot change it: a plan with a structural problem cannot be scheduled or checked.\n");
    }
    if (r.waivable()) {
      b.append("\nWaive it in one plan (a reason and an approver are required):\n");
      b.append("  waivers:\n");
      b.append("    - { rule: ").append(r.code()).append(", reason: \"...\", approvedBy: \"Dr. ...\"")
          .append(r.perSession() ? ", sessions: [3] }" : " }").append('\n');
      if (r.perSession()) b.append("  (`sessions` is optional: without it the waiver covers every session.)\n");
    } else {
      b.append("It cannot be waived.\n");
    }
    b.append("\nkplan is a scheduling and checking aid; it gives no medical advice. A clinician decides.\n");
    return b.toString();
  }

  /** The rule's sources and those of its thresholds, once each, in order. */
  public static List<Source> allSources(Rule r) {
    java.util.LinkedHashSet<Source> all = new java.util.LinkedHashSet<>(r.sources());
    for (Threshold<?> t : r.thresholds()) all.addAll(t.sources());
    return List.copyOf(all);
  }

  /** "facts 29, 30; section 9": short references to sources. */
  static String refs(List<Source> sources) {
    List<String> facts = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Source s : sources) {
      if (s.facts().matches("[0-9].*")) facts.add(s.facts());
      else other.add(s.facts());
    }
    String f = facts.isEmpty() ? "" : (facts.size() == 1 && facts.get(0).matches("\\d+") ? "fact " : "facts ") + String.join(", ", facts);
    List<String> parts = new ArrayList<>();
    if (!f.isEmpty()) parts.add(f);
    parts.addAll(other);
    return String.join("; ", parts);
  }

  /** Plain text for SARIF {@code help}: the explanation, thresholds and sources. */
  public static String help(Rule r) {
    StringBuilder b = new StringBuilder(r.explanation().replaceAll("\\s*\\n\\s*(?!\\n)", " ").replaceAll(" {2,}", " "));
    for (Threshold<?> t : r.thresholds()) {
      b.append("\n\n").append(t.name()).append(" = ").append(t.describeDefault()).append(": ").append(t.description())
          .append(" (").append(refs(t.sources())).append(").");
    }
    b.append("\n\nSources: ").append(allSources(r).stream().map(Source::toString).collect(Collectors.joining("; "))).append('.');
    return b.toString();
  }

  /** The explanation as one paragraph per blank-line-separated block, lines joined. */
  public static String description(Rule r) {
    return String.join("\n\n", paragraphs(r.explanation()));
  }

  /** The catalogue table and reference for docs/rules.md, between the markers. */
  public static String markdown() {
    StringBuilder b = new StringBuilder();
    b.append(BEGIN).append("\n\n");
    b.append("| Code | Severity | Summary | Thresholds (default) |\n");
    b.append("|---|---|---|---|\n");
    for (Rule r : Catalogue.ALL) {
      String th = r.thresholds().isEmpty() ? "" : r.thresholds().stream()
          .map(t -> "`" + t.name() + "` " + t.describeDefault()).collect(Collectors.joining(", "));
      b.append("| [").append(r.code()).append("](#").append(r.code().toLowerCase()).append(") | ").append(r.severity().label())
          .append(" | ").append(cell(r.summary())).append(" | ").append(cell(th)).append(" |\n");
    }
    b.append("\n## Rule reference\n");
    Family family = null;
    for (Rule r : Catalogue.ALL) {
      if (r.family() != family) {
        family = r.family();
        b.append("\n### ").append(family.name()).append(": ").append(family.title).append("\n");
      }
      b.append("\n#### ").append(r.code()).append("\n\n");
      b.append("**").append(r.summary()).append("** (").append(r.severity().label()).append(" by default");
      if (r.origin() != Rule.Origin.RULE) b.append("; reported by the ").append(r.origin() == Rule.Origin.LOADER ? "plan loader" : "scheduler");
      if (!r.configurable()) b.append("; cannot be changed or waived");
      else if (!r.waivable()) b.append("; cannot be waived");
      b.append(")\n\n");
      for (String p : paragraphs(r.explanation())) b.append(p).append("\n\n");
      if (!r.thresholds().isEmpty()) {
        b.append("| Threshold | Default | Meaning | Source of the default |\n|---|---|---|---|\n");
        for (Threshold<?> t : r.thresholds()) {
          b.append("| `").append(t.name()).append("` | ").append(cell(t.describeDefault())).append(" | ").append(cell(t.description()))
              .append(" | ").append(cell(refs(t.sources()))).append(" |\n");
        }
        b.append('\n');
      }
      b.append("Sources:\n\n");
      for (Source src : allSources(r)) b.append("- ").append(cell(src.toString())).append('\n');
    }
    b.append('\n').append(END).append('\n');
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }


  private static String example(Rule r) {
    String other = r.severity() == org.kplan.plan.Severity.ERROR ? "warning" : "error";
    if (r.thresholds().isEmpty()) return "{ severity: " + other + " }";
    Threshold<?> t = r.thresholds().get(0);
    return "{ severity: " + other + ", " + t.name() + ": " + t.defaultText() + " }";
  }

  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.strip().split("\\n\\s*\\n")) {
      String joined = p.strip().replaceAll("\\s*\\n\\s*", " ");
      if (!joined.isEmpty()) out.add(joined);
    }
    return out;
  }

  /** Wraps {@code text} at {@code width} with {@code indent} spaces, ending with a newline. */
  static String wrap(String text, int indent, int width) {
    StringBuilder b = new StringBuilder();
    StringBuilder line = new StringBuilder(" ".repeat(indent));
    int hanging = text.startsWith("- ") ? indent + 2 : indent;
    for (String w : text.split(" ")) {
      if (w.isEmpty()) continue;
      if (line.length() > hanging && line.length() + 1 + w.length() > width) {
        b.append(line).append('\n');
        line = new StringBuilder(" ".repeat(hanging));
      }
      if (line.length() > (b.length() == 0 ? indent : hanging)) line.append(' ');
      line.append(w);
    }
    return b.append(line).append('\n').toString();
  }
}
