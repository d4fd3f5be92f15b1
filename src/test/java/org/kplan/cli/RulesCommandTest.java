package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.rules.Catalogue;

/** {@code kplan rules}: the catalogue, and one rule explained. */
class RulesCommandTest {
  @TempDir Path tmp;

  @Test
  void listsEveryRuleWithSeverityAndSummary() {
    Cli.Result r = Cli.run("rules", "--no-color");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    for (String code : Catalogue.codes()) assertTrue(r.out().contains("  " + code + "  "), code);
    assertTrue(r.out().contains("  KET020  error    Post-dose monitoring shorter than the minimum\n"), r.out());
    assertTrue(r.out().contains("  HAB002  info     No physical-activity habit in the plan\n"), r.out());
    assertTrue(r.out().startsWith("PLN  plan structure\n"), r.out());
  }

  @Test
  void explainsOneRuleWithThresholdsSourcesAndHowToChangeIt() {
    Cli.Result r = Cli.run("rules", "ket020");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("KET020  Post-dose monitoring shorter than the minimum\nFamily:    KET (dosing)\nSeverity:  error by default\n"), out);
    assertTrue(out.contains("  minMonitoring = 2h\n"), out);
    assertTrue(out.contains("default from facts 10, 14, 37"), out);
    assertTrue(out.contains("  - fact 10: Spravato US prescribing information: post-dose monitoring of at least 2 hours"), out);
    assertTrue(out.contains("  rules:\n    KET020: { severity: warning, minMonitoring: 2h }\n"), out);
    assertTrue(out.contains("    - { rule: KET020, reason: \"...\", approvedBy: \"Dr. ...\" }\n"), out);
    assertTrue(out.contains("it gives no medical advice"), out);
  }

  @Test
  void perSessionRulesShowASessionsWaiver() {
    assertTrue(Cli.run("rules", "KET012").out().contains("sessions: [3] }"));
  }

  @Test
  void structuralRulesSayTheyCannotBeChanged() {
    Cli.Result r = Cli.run("rules", "PLN002");
    assertTrue(r.out().contains("Reported:  by the plan loader, while reading the file\n"), r.out());
    assertTrue(r.out().contains("A rule profile cannot change it"), r.out());
    assertTrue(r.out().contains("It cannot be waived."), r.out());
  }

  @Test
  void anUnknownRuleIsExitTwoWithASuggestion() {
    Cli.Result r = Cli.run("rules", "KET0200");
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("kplan: unknown rule `KET0200`; did you mean `KET020`? (run `kplan rules` for the catalogue)\n", r.err());
  }

  @Test
  void showsTheSeveritiesOfAProfile() throws Exception {
    Path p = tmp.resolve("clinic.yaml");
    Files.writeString(p, "rules:\n  KET012: error\n  HAB002: off\n");
    Cli.Result r = Cli.run("rules", "--rules", p.toString(), "--no-color");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("  KET012  error    Two dosing sessions"), r.out());
    assertTrue(r.out().contains("  HAB002  off      No physical-activity habit"), r.out());
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"schedule", "validate", "rules", "templates"}) {
      Cli.Result r = Cli.run(cmd, "--help");
      assertEquals(0, r.code(), cmd + ": " + r);
      assertTrue(r.out().contains("Usage: kplan " + cmd + " "), r.out());
    }
    assertTrue(Cli.run("validate", "--help").out().contains("  2  a PATH could not be read at all"), "exit codes in the help");
  }
}
