package org.kplan.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * {@code kplan validate -f sarif}: a SARIF 2.1.0 log with one run. {@code tool.driver.rules}
 * describes the rules that have results (from the rule catalogue, passed in as {@link RuleInfo}),
 * sorted by id; each result has {@code ruleId}, {@code ruleIndex}, {@code level},
 * {@code message.text} and a physical location with a relative URI and, when the finding has a
 * line, a region. Columns count UTF-16 code units, as Java and the YAML parser do.
 */
public final class Sarif {
  private Sarif() {}

  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** What SARIF needs of a rule: from the catalogue. {@code level} is error, warning or note. */
  public record RuleInfo(String id, String name, String summary, String description, String help, String level, List<String> tags) {}

  /** SARIF level for a severity: error, warning, note. */
  public static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  public static void write(List<FileReport> files, Map<String, RuleInfo> catalogue, String version, Appendable out) {
    TreeSet<String> used = new TreeSet<>();
    for (FileReport f : files) for (Finding x : f.findings()) used.add(x.rule());
    List<RuleInfo> rules = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String id : used) {
      RuleInfo r = catalogue.get(id);
      if (r == null) r = new RuleInfo(id, id, id, id, id, "error", List.of());
      index.put(id, rules.size());
      rules.add(r);
    }
    Json j = new Json(out);
    j.beginObject();
    j.field("$schema", SCHEMA);
    j.field("version", "2.1.0");
    j.key("runs").beginArray().beginObject();
    j.key("tool").beginObject().key("driver").beginObject();
    j.field("name", "kplan");
    j.field("version", version);
    j.key("rules").beginArray();
    for (RuleInfo r : rules) {
      j.beginObject();
      j.field("id", r.id());
      j.field("name", r.name());
      j.key("shortDescription").beginObject().field("text", r.summary()).endObject();
      j.key("fullDescription").beginObject().field("text", r.description()).endObject();
      j.key("help").beginObject().field("text", r.help()).endObject();
      j.key("defaultConfiguration").beginObject().field("level", r.level()).endObject();
      j.key("properties").beginObject().key("tags").beginArray();
      for (String t : r.tags()) j.value(t);
      j.endArray().endObject();
      j.endObject();
    }
    j.endArray();
    j.endObject().endObject();
    j.field("columnKind", "utf16CodeUnits");
    j.key("results").beginArray();
    for (FileReport f : files) {
      for (Finding x : f.findings()) {
        j.beginObject();
        j.field("ruleId", x.rule());
        j.field("ruleIndex", index.get(x.rule()));
        j.field("level", level(x.severity()));
        j.key("message").beginObject().field("text", x.message()).endObject();
        j.key("locations").beginArray().beginObject();
        j.key("physicalLocation").beginObject();
        j.key("artifactLocation").beginObject().field("uri", uri(x.pos().file())).endObject();
        if (x.pos().line() > 0) {
          j.key("region").beginObject();
          j.field("startLine", x.pos().line());
          j.field("startColumn", Math.max(1, x.pos().column()));
          j.endObject();
        }
        j.endObject();
        j.endObject().endArray();
        if (x.event() != null) j.key("properties").beginObject().field("event", x.event()).endObject();
        j.endObject();
      }
    }
    j.endArray();
    j.endObject().endArray();
    j.endObject();
  }

  /**
   * A file name as a URI reference: a relative path with '/' separators, percent-encoded; an
   * absolute path as a {@code file://} URI.
   */
  public static String uri(String file) {
    String p = file.replace('\\', '/');
    boolean abs = p.startsWith("/");
    StringBuilder b = new StringBuilder(abs ? "file://" : "");
    for (byte by : p.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }
}
