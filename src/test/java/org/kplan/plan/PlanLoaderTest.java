package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.TestPlans;

class PlanLoaderTest {
  private static List<Finding> problems(String yaml) {
    InputException e = assertThrows(InputException.class, () -> TestPlans.load(yaml));
    return e.problems();
  }

  private static Finding only(String yaml) {
    List<Finding> p = problems(yaml);
    assertEquals(1, p.size(), p.toString());
    return p.get(0);
  }

  @Test
  void loadsTheBasePlan() throws Exception {
    Plan p = TestPlans.load(TestPlans.BASE);
    assertEquals("t-1", p.id());
    assertEquals(LocalDate.of(2027, 3, 1), p.start());
    assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), p.ketamine().days());
    assertEquals(LocalTime.of(9, 0), p.ketamine().time());
    assertEquals(4, p.totalSessions());
    assertEquals(5, p.clinic().hours().size());
    assertNull(p.clinic().hours().get(DayOfWeek.SATURDAY));
  }

  @Test
  void misspeltKeyIsReportedWithPositionAndSuggestion() {
    Finding f = only(TestPlans.BASE.replace("  monitoring: 2h", "  monitring: 2h"));
    assertEquals(Codes.PLN_UNKNOWN_KEY, f.rule());
    assertEquals(13, f.pos().line());
    assertEquals(3, f.pos().column());
    assertTrue(f.message().contains("did you mean `monitoring`?"), f.message());
  }

  @Test
  void everyProblemOfAFileIsReportedInOneRun() {
    String yaml = TestPlans.BASE
        .replace("start: 2027-03-01", "start: 2027-02-30")
        .replace("time: \"09:00\"", "time: \"25:00\"")
        .replace("dosing: 40m", "dosing: 40")
        .replace("days: [mon, thu]", "days: [mon, thurs]")
        .replace("America/New_York", "America/New_Yrok")
        .replace("route: iv", "route: nasal");
    List<Finding> p = problems(yaml);
    List<String> messages = p.stream().map(f -> f.pos().line() + ": " + f.message()).toList();
    assertEquals(6, p.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("5: unknown time zone \"America/New_Yrok\"; did you mean `America/New_York`?"), messages.get(0));
    assertTrue(messages.get(1).startsWith("6: 2027-02-30 is not a date"), messages.get(1));
    assertTrue(messages.get(2).contains("`route` must be one of iv, im, intranasal, oral, sublingual"), messages.get(2));
    assertTrue(messages.get(3).contains("needs a unit"), messages.get(3));
    assertTrue(messages.get(4).contains("25:00 is not a time of day"), messages.get(4));
    assertTrue(messages.get(5).contains("unknown weekday \"thurs\"; did you mean `thu`?"), messages.get(5));
  }

  @Test
  void yamlSyntaxErrorHasLineAndColumn() {
    Finding f = only("version: 1\nkind: plan\nid: [unclosed\n");
    assertEquals(Codes.PLN_SYNTAX, f.rule());
    assertTrue(f.message().startsWith("YAML syntax:"), f.message());
    assertTrue(f.pos().line() >= 3, f.pos().toString());
  }

  @Test
  void duplicateKeysAreErrors() {
    Finding f = only(TestPlans.BASE.replace("  monitoring: 2h\n", "  monitoring: 2h\n  monitoring: 3h\n"));
    assertEquals(Codes.PLN_DUPLICATE_KEY, f.rule());
    assertEquals(14, f.pos().line());
    assertTrue(f.message().contains("first given at line 13"), f.message());
  }

  @Test
  void yaml12TypingKeepsNoAndLeadingZerosAsText() throws Exception {
    Plan p = TestPlans.load(TestPlans.BASE.replace("ref: P-1", "ref: 0123").replace("modality: CBT", "modality: no"));
    assertEquals("0123", p.patient().ref());
    assertEquals("no", p.therapy().modality());
  }

  @Test
  void quotedNumberIsNotAWholeNumber() {
    Finding f = only(TestPlans.BASE.replace("sessions: 4", "sessions: \"4\""));
    assertTrue(f.message().contains("`sessions` expects a whole number"), f.message());
  }

  @Test
  void aliasesAndEmptyFilesAndBinaryAreRefusedClearly() {
    assertTrue(only("a: &x 1\nb: *x\n").message().contains("aliases"));
    assertTrue(only("# only a comment\n").message().contains("no YAML content"));
    InputException bin = assertThrows(InputException.class,
        () -> PlanLoader.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}, "x.png", Pos.of("x.png")));
    assertTrue(bin.problems().get(0).message().contains("binary"), bin.getMessage());
  }

  @Test
  void unknownMilestonePhaseAndSessionAreReferenceErrors() {
    String yaml = TestPlans.BASE + """
        followUp:
          - { name: Review, kind: psychiatry, at: "phase-end:inducton" }
          - { name: Check, kind: assessment, at: "session:9" }
        """;
    List<Finding> p = problems(yaml);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).message().contains("no phase named `inducton`; did you mean `induction`?"), p.get(0).message());
    assertTrue(p.get(1).message().contains("the plan has 4 dosing sessions"), p.get(1).message());
  }

  @Test
  void extendsMergesMapsKeyByKeyAndListsReplace(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), """
        version: 1
        kind: template
        clinic:
          hours: { mon-fri: "08:00-18:00", sat: "09:00-13:00" }
        ketamine:
          route: iv
          dose: { mgPerKg: 0.5 }
          time: "09:00"
          days: [mon, thu]
          phases:
            - { name: induction, sessions: 6, perWeek: 2 }
        """);
    Files.writeString(dir.resolve("plan.yaml"), """
        version: 1
        kind: plan
        id: p-2
        extends: ./base.yaml
        patient: { ref: P-2, weightKg: 70 }
        timezone: Europe/Berlin
        start: 2027-01-04
        clinic:
          closed: [2027-01-07]
        ketamine:
          days: [tue, fri]
        """);
    Plan p = new PlanLoader().load(dir.resolve("plan.yaml"));
    assertEquals(6, p.clinic().hours().size(), "hours come from the template");
    assertEquals(1, p.clinic().closed().size(), "closed comes from the plan");
    assertEquals(List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), p.ketamine().days(), "lists replace");
    assertEquals(LocalTime.of(9, 0), p.ketamine().time(), "scalars not overridden stay");
    assertEquals("plan", p.kind());
    assertTrue(p.pos("ketamine.route").file().endsWith("base.yaml"), "positions point into the template");
  }

  @Test
  void templateCyclesAndMissingTemplatesAreErrors(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "version: 1\nkind: template\nextends: ./b.yaml\n");
    Files.writeString(dir.resolve("b.yaml"), "version: 1\nkind: template\nextends: ./a.yaml\n");
    InputException e = assertThrows(InputException.class, () -> new PlanLoader().load(dir.resolve("a.yaml")));
    assertEquals(Codes.PLN_REFERENCE, e.problems().get(0).rule());
    assertTrue(e.getMessage().contains("template cycle"), e.getMessage());

    Finding f = only(TestPlans.BASE + "extends: adolecent-iv-induction\n");
    assertEquals(Codes.PLN_REFERENCE, f.rule());
    assertTrue(f.message().contains("did you mean `adolescent-iv-induction`?"), f.message());
    Finding g = only(TestPlans.BASE + "extends: ./nope.yaml\n");
    assertTrue(g.message().contains("template file not found"), g.message());
  }

  @Test
  void builtInTemplatesAreListed() {
    assertTrue(Templates.names().containsAll(List.of(
        "adolescent-iv-induction", "adult-iv-induction", "esketamine-trd", "ptsd-iv-series")), Templates.names().toString());
  }

  @Test
  void tooManySessionsIsAnInputError() {
    Finding f = only(TestPlans.BASE.replace("sessions: 4", "sessions: 100000"));
    assertTrue(f.message().contains("from 1 to " + PlanLoader.MAX_SESSIONS), f.message());
  }

  @Test
  void closedClosesDaysATemplateOpens(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), TestPlans.BASE.replace("kind: plan", "kind: template")
        .replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\", sat: \"09:00-13:00\" }"));
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "version: 1\nkind: plan\nid: p\nextends: ./base.yaml\nclinic:\n  hours:\n    mon-fri: closed\n    sat: closed\n    mon-thu: \"07:00-19:00\"\n");
    Plan p = new PlanLoader().load(plan);
    assertEquals(4, p.clinic().hours().size(), p.clinic().hours().toString());
    assertNull(p.clinic().hours().get(DayOfWeek.FRIDAY));
    assertEquals("07:00-19:00", p.clinic().hours().get(DayOfWeek.MONDAY).toString());
    InputException e = assertThrows(InputException.class, () -> TestPlans.load(TestPlans.BASE.replace("\"08:00-18:00\" }", "shut }")));
    assertTrue(e.problems().get(0).message().contains("(or closed)"), e.problems().toString());
  }
}
