package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosterTest {
  static List<Roster.Row> rows(String csv) throws Exception {
    try (Roster r = new Roster(new StringReader(csv), "patients.csv")) {
      List<Roster.Row> out = new ArrayList<>();
      for (Roster.Row row; (row = r.next()) != null; ) out.add(row);
      return out;
    }
  }

  @Test
  void readsRfc4180WithQuotesLineBreaksABomAndCrlf() throws Exception {
    String csv = "\uFEFFref,start,timezone,initials\r\n"
        + "P-1,2027-03-01,America/New_York,\r\n"
        + "\"P-2, \"\"quoted\"\"\",2027-03-02,Europe/London,\"J.\nD.\"\r\n"
        + "\r\n"
        + "P-3 , 2027-03-03 ,Europe/Berlin,A.B.\n";
    List<Roster.Row> rows = rows(csv);
    assertEquals(3, rows.size());
    assertEquals(Map.of("ref", "P-1", "start", "2027-03-01", "timezone", "America/New_York"), rows.get(0).cells());
    assertEquals(2, rows.get(0).line());
    assertEquals("P-2, \"quoted\"", rows.get(1).cells().get("ref"));
    assertEquals("J.\nD.", rows.get(1).cells().get("initials"));
    assertEquals(3, rows.get(1).line());
    assertEquals(6, rows.get(2).line(), "the line where the record starts, counting the line break inside a cell and the blank line");
    assertEquals("P-3", rows.get(2).cells().get("ref"));
  }

  @Test
  void semicolonSeparatedRostersFromSpreadsheetsAreRead() throws Exception {
    List<Roster.Row> rows = rows("Ref;Start;Time Zone;weight_kg\nP-1;2027-03-01;Asia/Tokyo;61,5\n");
    assertEquals(Map.of("ref", "P-1", "start", "2027-03-01", "timezone", "Asia/Tokyo", "weightKg", "61,5"), rows.get(0).cells());
  }

  @Test
  void headerProblemsStopTheRoster() {
    var e = assertThrows(Roster.HeaderException.class, () -> rows("ref,start,timezon\n"));
    assertEquals("patients.csv:1: unknown column `timezon`; did you mean `timezone`? (columns: ref, id, initials, birthDate, weightKg, guardianConsent, assent, timezone, start)", e.getMessage());
    assertTrue(assertThrows(Roster.HeaderException.class, () -> rows("ref,start\n")).getMessage().contains("needs the column timezone"));
    assertTrue(assertThrows(Roster.HeaderException.class, () -> rows("ref,start,timezone,ref\n")).getMessage().contains("`ref` is given twice"));
    assertTrue(assertThrows(Roster.HeaderException.class, () -> rows("")).getMessage().contains("empty"));
    assertTrue(assertThrows(Roster.HeaderException.class, () -> rows("ref,start,timezone,weigth\n")).getMessage().contains("did you mean `weightKg`"));
  }

  @Test
  void otherColumnsAreIgnoredAndNeverReachAPlan() throws Exception {
    try (Roster r = new Roster(new StringReader("name,ref,start,timezone,email\nAlice Smith,P-1,2027-03-01,UTC,a@example.com\n"), "p.csv")) {
      assertEquals(List.of("name", "email"), r.ignoredColumns());
      Roster.Row row = r.next();
      assertEquals(Map.of("ref", "P-1", "start", "2027-03-01", "timezone", "UTC"), row.cells());
    }
  }

  @Test
  void badRowsSayWhy() throws Exception {
    List<Roster.Row> rows = rows("ref,start,timezone\nP-1,2027-03-01,UTC,extra\nP-2,\"2027-03-01,UTC\n");
    assertTrue(rows.get(0).problem().contains("3 columns"), rows.get(0).problem());
    assertTrue(rows.get(1).problem().contains("not closed"), rows.get(1).problem());
  }

  @Test
  void aRowBecomesAPlanThatExtendsTheTemplateAndLoads() throws Exception {
    Roster.Row row = rows("ref,start,timezone,weightKg,birthDate\nP-0042,2027-03-01,America/New_York,68.5,2004-09-03\n").get(0);
    List<String> problems = new ArrayList<>();
    Roster.RowPlan rp = Roster.plan(row, "patients.csv", "adult-iv-induction", "adult-iv-induction", problems);
    assertEquals(List.of(), problems);
    assertEquals("adult-iv-induction-p-0042", rp.id());
    Plan p = new PlanLoader().load("row", rp.yaml(), Path.of("").toAbsolutePath());
    assertEquals("adult-iv-induction-p-0042", p.id());
    assertEquals("P-0042", p.patient().ref());
    assertEquals(new java.math.BigDecimal("68.5"), p.patient().weightKg());
    assertEquals("America/New_York", p.timezone().getId());
    assertEquals("weightKg", rp.columnAtLine().get(lineOf(rp.yaml(), "weightKg:")));
  }

  @Test
  void noCellCanAddKeysToThePlan() throws Exception {
    Roster.Row row = new Roster.Row(2, Map.of("ref", "P-1\"\nkind: template\nx: \"", "start", "2027-03-01", "timezone", "UTC", "initials", "\\\" \u2028 #"), null);
    Roster.RowPlan rp = Roster.plan(row, "p.csv", "adult-iv-induction", "adult-iv-induction", new ArrayList<>());
    Plan p = new PlanLoader().load("row", rp.yaml(), Path.of("").toAbsolutePath());
    assertEquals("plan", p.kind());
    assertEquals("P-1\"\nkind: template\nx: \"", p.patient().ref());
    assertEquals("\\\" \u2028 #", p.patient().initials());
  }

  @Test
  void missingRequiredCellsAndBadIdsAreRowProblems() throws IOException, Roster.HeaderException {
    List<String> problems = new ArrayList<>();
    assertNull(Roster.plan(new Roster.Row(3, Map.of("ref", "P-1", "timezone", "UTC"), null), "p.csv", "t", "t", problems));
    assertEquals(List.of("`start` is empty; every row needs ref, start, timezone"), problems);
    problems.clear();
    assertNull(Roster.plan(new Roster.Row(3, Map.of("ref", "P-1", "timezone", "UTC", "start", "2027-01-01", "id", "a b"), null), "p.csv", "t", "t", problems));
    assertTrue(problems.get(0).contains("`id` \"a b\""), problems.toString());
  }

  @Test
  void defaultIdsAreSlugsOfTemplateAndRef() {
    assertEquals("adult-iv-induction-p-0042", Roster.defaultId("adult-iv-induction", "P-0042"));
    assertEquals("clinic-template-p-7", Roster.defaultId("./templates/clinic template.yaml", "P 7"));
    assertTrue(Roster.defaultId("t".repeat(40), "r".repeat(60)).length() <= 64);
  }

  private static int lineOf(String text, String prefix) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].trim().startsWith(prefix)) return i + 1;
    return -1;
  }
}
