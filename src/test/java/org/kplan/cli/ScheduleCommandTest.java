package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import org.kplan.support.TestPlans;

class ScheduleCommandTest {
  static final String EXAMPLE = "plans/examples/adult-new-york-dst.yaml";
  static final String NOW = "--now=2026-11-26T00:00:00Z";

  private static void noStackTrace(Result r) {
    assertFalse(r.err().contains("\tat "), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void schedulesAnExampleAsJson() {
    Result r = Cli.run("schedule", EXAMPLE, "-f", "json", NOW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\n  \"plan\": \"bni-2027-0057\",\n  \"patient\": \"P-0057\",\n  \"timezone\": \"America/New_York\","), r.out());
    assertTrue(r.out().contains("\"id\": \"ket-1\""));
    assertEquals("", r.err());
  }

  @Test
  void tableIsPlainWithoutATerminal() {
    Result r = Cli.run("schedule", EXAMPLE, "-f", "table", NOW);
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains("\u001b["), "no escape codes when NO_COLOR is set");
    assertTrue(r.out().contains("ketamine   Ketamine session 1 (induction)"), r.out());
    assertTrue(r.out().contains("Week "), r.out());
  }

  @Test
  void csvAndMarkdown() {
    Result csv = Cli.run("schedule", EXAMPLE, "-f", "csv", NOW);
    assertEquals(0, csv.code(), csv.toString());
    assertTrue(csv.out().startsWith("id,kind,phase,session,title,category,start,end,"), csv.out());
    assertTrue(csv.out().contains("\r\nket-1,ketamine,induction,1,Ketamine session 1 (induction),iv,"), csv.out());
    Result md = Cli.run("schedule", EXAMPLE, "-f", "md", NOW);
    assertEquals(0, md.code(), md.toString());
    assertTrue(md.out().startsWith("# Treatment schedule for P-0057"), md.out());
    assertFalse(md.out().contains("ket-1"), "the handout has no internal ids");
    assertTrue(md.out().contains("Treatment session 1"), md.out());
  }

  @Test
  void sameInputAndNowGiveIdenticalOutput() {
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1764115200");
    Result a = Cli.run("", env, "schedule", EXAMPLE, "-f", "json");
    Result b = Cli.run("", env, "schedule", EXAMPLE, "-f", "json");
    assertEquals(0, a.code(), a.toString());
    assertEquals(a.out(), b.out());
  }

  @Test
  void readsStandardInputAndOverridesStart() throws Exception {
    Result r = Cli.run(Files.readString(Path.of(EXAMPLE)), Map.of(), "schedule", "-", "-f", "json", "--start", "2027-04-05", NOW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"id\": \"ket-1\""), r.out());
    assertTrue(r.out().contains("\"start\": \"2027-04-05T09:00:00-04:00\""), r.out());
  }

  @Test
  void invalidPlanExitsTwoWithFileLineColumnCaretAndSuggestion() {
    String bad = TestPlans.BASE.replace("  monitoring: 2h", "  monitring: 2h").replace("start: 2027-03-01", "start: 2027-02-30");
    Result r = Cli.run(bad, Map.of(), "schedule", "-", NOW);
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertEquals("<stdin>:6:8: error: 2027-02-30 is not a date (Invalid date 'FEBRUARY 30') [PLN003]", lines.get(0));
    assertEquals("    start: 2027-02-30", lines.get(1));
    assertEquals("           ^", lines.get(2));
    assertEquals("<stdin>:13:3: error: unknown key `monitring` in ketamine; did you mean `monitoring`? [PLN002]", lines.get(3));
    assertEquals("kplan: <stdin>: 2 problems; no schedule written", lines.get(lines.size() - 1));
    noStackTrace(r);
  }

  @Test
  void yamlSyntaxErrorNamesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, "version: 1\nkind: plan\nid: \"unterminated\n");
    Result r = Cli.run("schedule", f.toString(), NOW);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith(f + ":"), r.err());
    assertTrue(r.err().contains("YAML syntax"), r.err());
    noStackTrace(r);
  }

  @Test
  void missingFileAndUnknownOptionsAreUsageErrors() {
    Result r = Cli.run("schedule", "no-such-plan.yaml", NOW);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("no such file: no-such-plan.yaml"), r.err());
    Result u = Cli.run("schedule", EXAMPLE, "--formt", "json");
    assertEquals(2, u.code(), u.toString());
    assertTrue(u.err().contains("Unknown options: '--formt'"), u.err());
    assertTrue(u.err().contains("--format"), "suggests the option: " + u.err());
    Result f = Cli.run("schedule", EXAMPLE, "-f", "pdf");
    assertEquals(2, f.code(), f.toString());
    assertTrue(f.err().contains("table, json, csv, md"), f.err());
    Result n = Cli.run("schedule", EXAMPLE, "--now", "yesterday");
    assertEquals(2, n.code(), n.toString());
    assertTrue(n.err().contains("--now expects an instant"), n.err());
    noStackTrace(n);
  }

  @Test
  void templateNeedsAStart() {
    Result r = Cli.run("schedule", "plans/templates/adult-iv-induction.yaml", NOW);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("this is a template"), r.err());
  }

  @Test
  void unplaceableTherapyExitsOneAndShowsTheFinding() {
    String yaml = TestPlans.BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon: \"08:00-18:00\", wed-fri: \"08:00-18:00\" }")
        .replace("window: { from: 24h, to: 72h }", "window: { from: 24h, to: 26h }");
    Result r = Cli.run(yaml, Map.of(), "schedule", "-", "-f", "table", NOW);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("<stdin>:22:3: error: therapy for session 1 cannot be placed"), r.err());
    assertTrue(r.err().contains("[THR001]"), r.err());
    Result j = Cli.run(yaml, Map.of(), "schedule", "-", "-f", "json", NOW);
    assertEquals(1, j.code(), j.toString());
    assertTrue(j.out().contains("\"rule\": \"THR001\""), j.out());
    assertTrue(j.out().contains("\"event\": \"ket-1\""), j.out());
  }

  @Test
  void outputFileIsOwnerOnlyAndNeverOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("s.json");
    Result r = Cli.run("schedule", EXAMPLE, "-o", out.toString(), NOW);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).startsWith("{"), "format inferred from the .json extension");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    String before = Files.readString(out);

    Result same = Cli.run("schedule", EXAMPLE, "-o", out.toString(), NOW);
    assertEquals(0, same.code(), "identical content: nothing to overwrite " + same);

    Result other = Cli.run("schedule", EXAMPLE, "-o", out.toString(), "--start", "2027-03-01", NOW);
    assertEquals(3, other.code(), other.toString());
    assertTrue(other.err().contains("already exists and would change; use --force"), other.err());
    assertEquals(before, Files.readString(out), "the existing file is untouched");

    Result forced = Cli.run("schedule", EXAMPLE, "-o", out.toString(), "--start", "2027-03-01", "--force", NOW);
    assertEquals(0, forced.code(), forced.toString());
    assertTrue(Files.readString(out).contains("2027-03-01"));
    try (var s = Files.list(dir)) {
      assertEquals(List.of("s.json"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
  }

  @Test
  void unwritableOutputExitsThree(@TempDir Path dir) {
    Result r = Cli.run("schedule", EXAMPLE, "-o", dir.resolve("missing/dir/s.json").toString(), NOW);
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("no such directory"), r.err());
  }

  @Test
  void helpAndVersion() {
    Result h = Cli.run("--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("schedule"), h.out());
    assertTrue(h.out().contains("Exit codes:"), h.out());
    Result sh = Cli.run("schedule", "--help");
    assertEquals(0, sh.code());
    assertTrue(sh.out().contains("Examples:"), sh.out());
    Result v = Cli.run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("kplan "), v.out());
    assertTrue(v.out().contains("Java "), v.out());
    Result none = Cli.run("schedul");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("schedule"), "suggests the command: " + none.err());
  }
}
