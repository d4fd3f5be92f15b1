package org.kplan.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md holds the catalogue table and reference generated from the rule classes; this
 * test regenerates them and fails when the committed file differs.
 */
class RuleDocsTest {
  static final Path DOC = Path.of("docs/rules.md");
  static final String UPDATE = "mvn -o test -Dtest=RuleDocsTest -Dkplan.updateDocs=true";

  @Test
  void docsRulesMdMatchesTheCatalogue() throws Exception {
    String text = Files.readString(DOC, StandardCharsets.UTF_8);
    int b = text.indexOf(RuleDocs.BEGIN);
    int e = text.indexOf(RuleDocs.END);
    if (b < 0 || e < b) fail(DOC + " lacks the generated-section markers " + RuleDocs.BEGIN + " ... " + RuleDocs.END);
    String committed = text.substring(b, e + RuleDocs.END.length()) + "\n";
    String generated = RuleDocs.markdown();
    if (committed.equals(generated)) return;
    if (Boolean.getBoolean("kplan.updateDocs")) {
      Files.writeString(DOC, text.substring(0, b) + generated + text.substring(e + RuleDocs.END.length() + 1), StandardCharsets.UTF_8);
      return;
    }
    fail(DOC + " is out of date with the rule catalogue (a rule's summary, severity, explanation, threshold or source changed)."
        + " Regenerate it with:\n  " + UPDATE + "\nand review the diff.");
  }

  @Test
  void everyRuleHasAReferenceEntry() {
    String md = RuleDocs.markdown();
    for (Rule r : Catalogue.ALL) {
      assertTrue(md.contains("\n#### " + r.code() + "\n"), r.code());
      assertTrue(md.contains("| [" + r.code() + "](#" + r.code().toLowerCase() + ") | " + r.severity().label() + " | "), r.code());
    }
  }
}
