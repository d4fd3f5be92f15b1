package org.kplan.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kplan.plan.Codes;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;
import org.kplan.plan.Suggest;
import org.kplan.plan.YNode;
import org.kplan.plan.YNode.Entry;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;
import org.kplan.plan.YamlTree;

/**
 * A rule profile: per rule, whether it runs, its severity and its thresholds. Written as a
 * mapping of rule codes to settings, in a plan's or template's {@code rules:} section or in a
 * file given with {@code --rules}:
 *
 * <pre>
 * rules:
 *   KET012: { severity: error, minGap: 72h }
 *   HAB002: off
 *   THR004: warning
 * </pre>
 *
 * A setting is {@code off} (or {@code false}), {@code on} (or {@code true}), a severity
 * ({@code error}, {@code warning}, {@code info}), or a mapping of {@code severity} and threshold
 * names. Profiles stack: {@link #then} lets a later profile override an earlier one rule by rule
 * and key by key.
 */
public final class Profile {
  /** Every rule on, at its default severity and thresholds. */
  public static final Profile DEFAULTS = new Profile(Map.of());

  /** The settings for one rule; null fields are not set. */
  record Setting(Boolean enabled, Severity severity, Map<String, Object> values) {
    Setting {
      values = Map.copyOf(values);
    }

    Setting over(Setting base) {
      Map<String, Object> v = new HashMap<>(base.values);
      v.putAll(values);
      return new Setting(enabled != null ? enabled : base.enabled, severity != null ? severity : base.severity, v);
    }
  }

  private final Map<String, Setting> settings;

  private Profile(Map<String, Setting> settings) {
    this.settings = Map.copyOf(settings);
  }

  /** This profile with {@code over}'s settings applied on top. */
  public Profile then(Profile over) {
    if (over.settings.isEmpty()) return this;
    Map<String, Setting> m = new HashMap<>(settings);
    for (Map.Entry<String, Setting> e : over.settings.entrySet()) {
      Setting base = m.get(e.getKey());
      m.put(e.getKey(), base == null ? e.getValue() : e.getValue().over(base));
    }
    return new Profile(m);
  }

  public boolean isEmpty() {
    return settings.isEmpty();
  }

  public boolean enabled(Rule r) {
    Setting s = settings.get(r.code());
    return s == null || s.enabled == null || s.enabled;
  }

  public Severity severity(Rule r) {
    Setting s = settings.get(r.code());
    return s == null || s.severity == null ? r.severity() : s.severity;
  }

  @SuppressWarnings("unchecked")
  public <T> T value(Rule r, Threshold<T> t) {
    Setting s = settings.get(r.code());
    if (s == null || !s.values.containsKey(t.name())) return t.defaultValue();
    return (T) s.values.get(t.name());
  }

  /**
   * Reads a {@code --rules} file: a mapping of rule codes at the top level, or under a
   * {@code rules:} key. Any problem makes the whole profile unusable (exit code 2).
   */
  public static Profile load(Path file) throws InputException {
    String name = file.toString();
    String text = PlanLoader.read(file, name, Pos.of(name));
    return parseFile(name, text);
  }

  /** Reads profile text that came from {@code name}. */
  public static Profile parseFile(String name, String text) throws InputException {
    YMap root = YamlTree.parse(name, text);
    List<Finding> problems = new ArrayList<>();
    YNode rules = root;
    if (root.entries().containsKey("rules")) {
      for (Entry e : root.entries().values()) {
        if (!e.key().equals("rules")) {
          problems.add(problem(Codes.PLN_UNKNOWN_KEY, e.keyPos(), "unknown key `" + e.key()
              + "` in a rule profile; with a top-level `rules:`, the file holds only `rules:`"));
        }
      }
      rules = root.get("rules");
    }
    Profile p = parse(rules, problems);
    if (!problems.isEmpty()) throw new InputException(problems);
    return p;
  }

  /**
   * Reads a mapping of rule codes to settings ({@code node} may be null: no settings). Problems
   * are added to {@code problems} as PLN002 (unknown code or setting) and PLN003 (bad value)
   * findings; the settings that could be read are kept.
   */
  public static Profile parse(YNode node, List<Finding> problems) {
    if (node == null || (node instanceof YScalar s && s.isNull())) return DEFAULTS;
    if (!(node instanceof YMap map)) {
      problems.add(problem(Codes.PLN_BAD_VALUE, node.pos(),
          "rule settings are a mapping of rule codes to settings, such as `KET012: { minGap: 72h }`; found " + node.describe()));
      return DEFAULTS;
    }
    Map<String, Setting> out = new LinkedHashMap<>();
    for (Entry e : map.entries().values()) {
      Rule r = Catalogue.get(e.key()).orElse(null);
      if (r == null) {
        problems.add(problem(Codes.PLN_UNKNOWN_KEY, e.keyPos(), "unknown rule `" + e.key() + "`"
            + Suggest.didYouMean(e.key(), Catalogue.codes()) + " (run `kplan rules` for the catalogue)"));
        continue;
      }
      if (!r.configurable()) {
        problems.add(problem(Codes.PLN_BAD_VALUE, e.keyPos(), r.code() + " cannot be changed by a profile: a plan with a structural"
            + " problem cannot be scheduled or checked, so it always fails"));
        continue;
      }
      Setting s = setting(r, e.value(), problems);
      if (s != null) out.put(r.code(), s);
    }
    return new Profile(out);
  }

  private static Setting setting(Rule r, YNode v, List<Finding> problems) {
    if (v instanceof YScalar s && !s.isNull()) {
      Setting word = word(s.text().trim());
      if (word != null) return word;
      problems.add(problem(Codes.PLN_BAD_VALUE, v.pos(), "setting for " + r.code() + " must be off, on, error, warning, info,"
          + " or a mapping such as " + example(r) + "; found " + v.describe()
          + Suggest.didYouMean(s.text().trim(), List.of("off", "on", "error", "warning", "info"))));
      return null;
    }
    if (!(v instanceof YMap m)) {
      problems.add(problem(Codes.PLN_BAD_VALUE, v.pos(), "setting for " + r.code() + " must be off, on, error, warning, info,"
          + " or a mapping such as " + example(r) + "; found " + v.describe()));
      return null;
    }
    Boolean enabled = null;
    Severity severity = null;
    Map<String, Object> values = new HashMap<>();
    List<String> keys = new ArrayList<>();
    keys.add("severity");
    for (Threshold<?> t : r.thresholds()) keys.add(t.name());
    for (Entry e : m.entries().values()) {
      if (e.key().equals("severity")) {
        Setting w = e.value() instanceof YScalar s && !s.isNull() ? word(s.text().trim()) : null;
        if (w == null) {
          problems.add(problem(Codes.PLN_BAD_VALUE, e.value().pos(), r.code() + " `severity` must be error, warning, info or off; found "
              + e.value().describe()));
        } else {
          enabled = w.enabled;
          severity = w.severity;
        }
        continue;
      }
      Threshold<?> t = r.threshold(e.key());
      if (t == null) {
        String near = Suggest.nearest(e.key(), keys);
        problems.add(problem(Codes.PLN_UNKNOWN_KEY, e.keyPos(), r.code() + " has no setting `" + e.key() + "`"
            + (near == null ? "" : "; did you mean `" + near + "`?") + " (settings: " + String.join(", ", keys) + ")"));
        continue;
      }
      try {
        values.put(t.name(), t.parse(e.value()));
      } catch (IllegalArgumentException ex) {
        problems.add(problem(Codes.PLN_BAD_VALUE, e.value().pos(), r.code() + " " + ex.getMessage()));
      }
    }
    return new Setting(enabled, severity, values);
  }

  /** off/on/false/true/error/warning/info as a setting, else null. */
  private static Setting word(String w) {
    switch (w.toLowerCase(Locale.ROOT)) {
      case "off", "false", "disabled":
        return new Setting(false, null, Map.of());
      case "on", "true", "enabled":
        return new Setting(true, null, Map.of());
      default:
        Severity s = Severity.parse(w.toLowerCase(Locale.ROOT));
        return s == null ? null : new Setting(true, s, Map.of());
    }
  }

  private static String example(Rule r) {
    if (r.thresholds().isEmpty()) return "{ severity: warning }";
    Threshold<?> t = r.thresholds().get(0);
    return "{ severity: warning, " + t.name() + ": " + t.defaultText() + " }";
  }

  private static Finding problem(String code, Pos pos, String message) {
    return new Finding(code, Severity.ERROR, message, pos, null);
  }
}
