package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kplan.plan.YNode;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;
import org.kplan.plan.YamlTree;

/**
 * The SARIF report has the properties SARIF 2.1.0 requires and code-scanning tools read. (JSON is
 * YAML 1.2, so kplan's own YAML reader parses it.)
 */
class SarifStructureTest {
  private static YNode at(YNode n, String... path) {
    for (String p : path) {
      if (p.matches("\\d+")) n = ((YList) n).items().get(Integer.parseInt(p));
      else n = ((YMap) n).get(p);
      assertNotNull(n, "missing " + String.join(".", path));
    }
    return n;
  }

  private static String text(YNode n, String... path) {
    return ((YScalar) at(n, path)).text();
  }

  @Test
  void requiredPropertiesAndConsistentRuleIndexes() throws Exception {
    Cli.Result r = Cli.run("validate", ValidateGoldenTest.PLANS, "-f", "sarif", "--now", ValidateGoldenTest.NOW);
    YMap log = YamlTree.parse("report.sarif", r.out());
    assertEquals("2.1.0", text(log, "version"));
    assertEquals("https://json.schemastore.org/sarif-2.1.0.json", text(log, "$schema"));
    List<YNode> runs = ((YList) at(log, "runs")).items();
    assertEquals(1, runs.size());
    YNode run = runs.get(0);
    assertEquals("kplan", text(run, "tool", "driver", "name"));
    List<YNode> rules = ((YList) at(run, "tool", "driver", "rules")).items();
    for (YNode rule : rules) {
      assertTrue(text(rule, "id").matches("[A-Z]{3}\\d{3}"));
      assertFalse(text(rule, "shortDescription", "text").isBlank());
      assertFalse(text(rule, "fullDescription", "text").isBlank());
      assertTrue(List.of("error", "warning", "note").contains(text(rule, "defaultConfiguration", "level")));
    }
    List<YNode> results = ((YList) at(run, "results")).items();
    assertEquals(14, results.size(), "every finding is a result");
    for (YNode res : results) {
      String id = text(res, "ruleId");
      int index = Integer.parseInt(text(res, "ruleIndex"));
      assertEquals(id, text(rules.get(index), "id"), "ruleIndex points at the rule");
      assertTrue(List.of("error", "warning", "note").contains(text(res, "level")));
      assertFalse(text(res, "message", "text").isBlank());
      String uri = text(res, "locations", "0", "physicalLocation", "artifactLocation", "uri");
      assertTrue(uri.matches("[A-Za-z0-9._~/%-]+"), "a percent-encoded relative URI: " + uri);
      assertTrue(Integer.parseInt(text(res, "locations", "0", "physicalLocation", "region", "startLine")) >= 1);
      assertTrue(Integer.parseInt(text(res, "locations", "0", "physicalLocation", "region", "startColumn")) >= 1);
    }
  }
}
