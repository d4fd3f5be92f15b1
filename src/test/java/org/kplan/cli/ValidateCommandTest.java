package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kplan validate} through the real command line: exit codes, standard output and standard error. */
class ValidateCommandTest {
  static final String PLANS = ValidateGoldenTest.PLANS;
  static final String NOW = ValidateGoldenTest.NOW;
  static final String HEAD = "version: 1\nkind: plan\nid: t\nextends: adult-iv-induction\n"
      + "patient: { ref: P-1, birthDate: 1990-01-01, weightKg: 70 }\ntimezone: UTC\nstart: 2027-01-04\n";

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Cli.Result validate(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--now";
    all[args.length + 2] = NOW;
    all[args.length + 3] = "--no-color";
    return Cli.run(all);
  }

  @Test
  void aCleanPlanExitsZeroAndSaysSo() {
    Cli.Result r = validate(PLANS + "/good.yaml");
    assertEquals(0, r.code(), r.toString());
    assertEquals("Checked 1 file: no findings.\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void aMinorWithoutConsentFailsWithBothDatesNamedAtThePatientLine() {
    Cli.Result r = validate(PLANS + "/minor-no-consent.yaml");
    assertEquals(1, r.code(), r.toString());
    String f = PLANS + "/minor-no-consent.yaml:6:1: error: the patient is 15 at the first dose (2027-01-04), under 18, and ";
    assertTrue(r.out().contains(f + "`patient.guardianConsent` gives no date"), r.out());
    assertTrue(r.out().contains(f + "`patient.assent` gives no date"), r.out());
    assertTrue(r.out().contains("[PAT001]\n    patient:\n    ^\n"), "source line and caret: " + r.out());
    assertTrue(r.out().endsWith("Checked 1 file: 2 errors, 0 warnings, 0 infos; 1 file fails.\n"), r.out());
  }

  @Test
  void doseMonitoringAndDensityEachHaveTheirLine() {
    Cli.Result r = validate(PLANS + "/dose-monitoring-density.yaml");
    assertEquals(1, r.code(), r.toString());
    String f = PLANS + "/dose-monitoring-density.yaml:";
    assertTrue(r.out().contains(f + "10:3: error: IV dose 1.5 mg/kg is above 1.0 mg/kg"), r.out());
    assertTrue(r.out().contains(f + "11:3: error: monitoring after dosing is 1h; the minimum is 2h"), r.out());
    assertTrue(r.out().contains(f + "15:7: warning: dosing session 4 (Fri 2027-01-08 09:00) is the 4th in 7 days"), r.out());
    assertTrue(r.out().contains(f + "15:7: warning: dosing session 2 (Tue 2027-01-05 09:00) starts 24h after session 1"), r.out());
  }

  @Test
  void warningsFailOnlyWithStrict() throws IOException {
    Path p = write("warn.yaml", HEAD + "ketamine:\n  dosing: 30m\n");
    Cli.Result plain = validate(p.toString());
    assertEquals(0, plain.code(), plain.toString());
    assertTrue(plain.out().contains("warn.yaml:9:3: warning: the IV infusion takes 30m, shorter than the standard 40m (fact 27) [KET018]"), plain.out());
    assertTrue(plain.out().endsWith("no file fails (warnings fail only with --strict).\n"), plain.out());
    Cli.Result strict = validate(p.toString(), "--strict");
    assertEquals(1, strict.code(), strict.toString());
    assertTrue(strict.out().endsWith("1 file fails.\n"), strict.out());
  }

  @Test
  void aStructuralProblemIsAFindingWithLineAndColumnNotAnInputError() {
    Cli.Result r = validate(PLANS + "/broken.yaml", "-f", "github");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("::error file=" + PLANS + "/broken.yaml,line=10,col=3,title=PLN002::unknown key `monitorng` in ketamine;"
        + " did you mean `monitoring`?\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aMissingFileIsExitTwoButTheOthersAreStillReported() {
    Cli.Result r = validate(PLANS + "/good.yaml", "no-such-plan.yaml", "-f", "json");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.out().contains("\"file\": \"no-such-plan.yaml\",\n      \"ok\": false,\n      \"readable\": false"), r.out());
    assertTrue(r.out().contains("\"file\": \"" + PLANS + "/good.yaml\",\n      \"ok\": true"), r.out());
    assertEquals("kplan: cannot read no-such-plan.yaml: no such file\n", r.err());
  }

  @Test
  void directoriesAreRecursedSortedAndSkipHiddenAndOtherFiles() throws IOException {
    write("b.yml", HEAD);
    write("a/z.yaml", HEAD);
    write("a/notes.txt", "not a plan");
    write(".git/x.yaml", "not: [valid");
    write("c.YAML", HEAD);
    Cli.Result r = validate(tmp.toString(), "-f", "junit");
    assertEquals(0, r.code(), r.toString());
    Matcher m = Pattern.compile("name=\"([^\"]+)\"/>").matcher(r.out());
    List<String> names = m.results().map(x -> tmp.relativize(Path.of(x.group(1))).toString()).toList();
    assertEquals(List.of("a/z.yaml", "b.yml", "c.YAML"), names);
  }

  @Test
  void anEmptyDirectoryIsAUsageError() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    Cli.Result r = validate(tmp.resolve("empty").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("kplan: no *.yaml or *.yml files under "), r.err());
  }

  @Test
  void standardInputIsNamedStdin() {
    Cli.Result r = Cli.runWithInput(HEAD + "ketamine:\n  monitoring: 1h\n", "validate", "-", "--now", NOW, "--no-color");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("<stdin>:9:3: error: monitoring after dosing is 1h; the minimum is 2h"), r.out());
    assertTrue(r.out().contains("\n      monitoring: 1h\n      ^\n"), "the source line from standard input: " + r.out());
  }

  @Test
  void theOrderOfTheReportDoesNotDependOnParallelism() {
    Cli.Result one = validate(PLANS, "-f", "json", "-j", "1");
    Cli.Result four = validate(PLANS, "-f", "json", "-j", "4");
    assertEquals(one.out(), four.out());
    assertEquals(one.code(), four.code());
  }

  @Test
  void aProfileSwitchesOffChangesSeverityAndThresholds() throws IOException {
    Path profile = write("rules.yaml", "rules:\n  KET020: { minMonitoring: 1h }\n  KET014: off\n  KET012: { severity: error, minGap: 20h }\n"
        + "  KET015: { maxPer7Days: 4 }\n  KET018: off\n  KET022: off\n");
    Cli.Result r = validate(PLANS + "/dose-monitoring-density.yaml", "--rules", profile.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("Checked 1 file: no findings.\n", r.out());
    Path stricter = write("stricter.yaml", "KET012: { severity: error, minGap: 73h }\n");
    Cli.Result s = validate(PLANS + "/good.yaml", "--rules", stricter.toString());
    assertEquals(1, s.code(), s.toString());
    assertTrue(s.out().contains("error: dosing session 2 (Thu 2027-01-07 09:00) starts 72h after session 1; the minimum gap between dose starts is 73h"), s.out());
  }

  @Test
  void anUnknownRuleOrSettingInAProfileIsExitTwoWithASuggestion() throws IOException {
    Path profile = write("rules.yaml", "rules:\n  KET0200: off\n  KET012: { minGapp: 72h }\n  HAB001: sometimes\n");
    Cli.Result r = validate(PLANS + "/good.yaml", "--rules", profile.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains(profile + ":2:3: error: unknown rule `KET0200`; did you mean `KET020`?"), r.err());
    assertTrue(r.err().contains(profile + ":3:13: error: KET012 has no setting `minGapp`; did you mean `minGap`? (settings: severity, minGap)"), r.err());
    assertTrue(r.err().contains(profile + ":4:11: error: setting for HAB001 must be off, on, error, warning, info"), r.err());
    assertTrue(r.err().endsWith("kplan: " + profile + ": 3 problems in the rule profile; nothing validated\n"), r.err());
  }

  @Test
  void aProfileCannotChangeStructuralRules() throws IOException {
    Path profile = write("rules.yaml", "PLN002: off\n");
    Cli.Result r = validate(PLANS + "/good.yaml", "--rules", profile.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(":1:1: error: PLN002 cannot be changed by a profile"), r.err());
  }

  @Test
  void thePlansOwnRulesSectionAppliesAndTheCommandLineProfileWins() throws IOException {
    Path plan = write("own.yaml", HEAD + "ketamine:\n  monitoring: 90m\nrules:\n  KET020: { minMonitoring: 90m }\n");
    assertEquals(0, validate(plan.toString()).code());
    Path profile = write("clinic.yaml", "KET020: { minMonitoring: 2h }\n");
    Cli.Result r = validate(plan.toString(), "--rules", profile.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("own.yaml:9:3: error: monitoring after dosing is 1h30m; the minimum is 2h"), r.out());
  }

  @Test
  void anUnknownCodeInThePlansRulesSectionIsAFinding() throws IOException {
    Path plan = write("own.yaml", HEAD + "rules:\n  HAB01: off\n");
    Cli.Result r = validate(plan.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("own.yaml:9:3: error: unknown rule `HAB01`; did you mean `HAB001`? (run `kplan rules` for the catalogue) [PLN002]"), r.out());
  }

  @Test
  void aWaiverSilencesItsRuleForItsSessionsOnly() throws IOException {
    String body = "ketamine:\n  days: [mon, tue]\n  minSpacing: 24h\n  phases:\n    - { name: induction, sessions: 4, perWeek: 2 }\n"
        + "therapy:\n  window: { from: 2h, to: 72h }\n  preferredDay: 0\n";
    Path unwaived = write("unwaived.yaml", HEAD + body);
    Cli.Result u = validate(unwaived.toString());
    assertTrue(u.out().contains("warning: dosing session 2 (Tue 2027-01-05 09:00)"), u.out());
    assertTrue(u.out().contains("warning: dosing session 4 (Tue 2027-01-12 09:00)"), u.out());
    Path waived = write("waived.yaml", HEAD + body
        + "waivers:\n  - { rule: KET012, reason: \"Protocol doses on consecutive days\", approvedBy: Dr. A. Smith, sessions: [2] }\n");
    Cli.Result w = validate(waived.toString());
    assertFalse(w.out().contains("dosing session 2 (Tue 2027-01-05 09:00)"), w.out());
    assertTrue(w.out().contains("warning: dosing session 4 (Tue 2027-01-12 09:00)"), w.out());
  }

  @Test
  void anIncompleteWaiverSilencesNothingAndIsReported() throws IOException {
    Path plan = write("w.yaml", HEAD + "ketamine:\n  monitoring: 90m\nwaivers:\n  - { rule: KET020, reason: \"Short protocol\" }\n");
    Cli.Result r = validate(plan.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("w.yaml:9:3: error: monitoring after dosing is 1h30m"), r.out());
    assertTrue(r.out().contains("w.yaml:11:5: error: waiver for KET020 has no `approvedBy`, so it silences nothing"), r.out());
  }

  @Test
  void aTemplateIsScheduledFromTheSyntheticStart() throws IOException {
    Path t = write("tpl.yaml", "version: 1\nkind: template\nid: tpl\nextends: adult-iv-induction\nketamine:\n  monitoring: 1h\n");
    Cli.Result r = validate(t.toString(), "-f", "json");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("\"message\": \"monitoring after dosing is 1h; the minimum is 2h"), r.out());
    assertTrue(r.out().contains("in the last 30m of monitoring"), "schedule-level rules ran too: " + r.out());
    assertFalse(r.out().contains("PLN007"), "no 'sessions in the past' for a synthetic start");
  }

  @Test
  void theReportGoesToAFileWhenAsked() throws IOException {
    Path out = tmp.resolve("report.sarif");
    Cli.Result r = validate(PLANS + "/good.yaml", "-f", "sarif", "-o", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("\"version\": \"2.1.0\""));
    Cli.Result again = validate(PLANS + "/minor-no-consent.yaml", "-f", "sarif", "-o", out.toString());
    assertEquals(3, again.code(), "an existing report is not replaced without --force: " + again);
    assertEquals(1, validate(PLANS + "/minor-no-consent.yaml", "-f", "sarif", "-o", out.toString(), "--force").code());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Cli.run("validate").code());
    assertEquals(2, validate(PLANS, "-f", "xml").code());
    assertEquals(2, validate(PLANS, "-j", "0").code());
    Cli.Result twice = Cli.runWithInput("", "validate", "-", "-");
    assertEquals(2, twice.code());
    assertEquals("kplan: standard input (-) is given more than once\n", twice.err());
  }
}
