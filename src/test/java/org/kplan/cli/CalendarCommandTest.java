package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.export.IcsOracle;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;

class CalendarCommandTest {
  static final String NOW = "2026-11-26T09:00:00Z";
  static final Path EXAMPLES = Path.of("plans/examples");

  @TempDir Path tmp;

  /** The events the CLI's own loader and engine schedule for the example plans. */
  static int exampleEvents() throws Exception {
    int n = 0;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      for (Path p : s.toList()) {
        Plan plan = new PlanLoader().load(p);
        n += PlanInput.schedule(plan, null, Instant.parse(NOW)).events().size();
      }
    }
    return n;
  }

  /** Every calendar a test writes is parsed and validated by ical4j. */
  @org.junit.jupiter.api.AfterEach
  void everyCalendarWrittenParsesAndValidates() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".ics") && !x.getFileName().toString().startsWith(".")).toList()) {
        IcsOracle.parse(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
  }

  static TreeMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
    }
    return m;
  }

  @Test
  void writesOneOwnerOnlyCalendarPerPlanSkipsTemplatesAndLeavesUnchangedFilesAlone() throws Exception {
    Path out = tmp.resolve("calendars");
    Cli.Result r = Cli.run("calendar", "plans", "-o", out.toString(), "--now", NOW);
    assertEquals(0, r.code(), r.toString());
    int events = exampleEvents();
    assertEquals("6 plans: 6 calendars, " + events + " events; 6 written, 0 unchanged, 0 replaced; 0 failed; 4 templates skipped\n", r.out());
    assertTrue(r.err().contains("note: plans/templates/adult-iv-induction.yaml: a template, not a plan; skipped"), r.err());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    TreeMap<String, byte[]> first = files(out);
    assertEquals(Set.of(".kplan.lock", "bni-2026-0061.ics", "bni-2027-0042.ics", "bni-2027-0057.ics", "bni-2027-0073.ics", "bni-2027-0088.ics",
        "bni-2027-0094.ics"), first.keySet());
    for (String f : first.keySet()) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))), f);
    }
    Calendar ny = IcsOracle.parse(new String(first.get("bni-2027-0057.ics"), StandardCharsets.UTF_8));
    assertEquals(70, IcsOracle.events(ny).size());
    // the calendar of one plan is what schedule -f ics writes
    Cli.Result one = Cli.run("schedule", "plans/examples/adult-new-york-dst.yaml", "-f", "ics", "--now", NOW);
    assertEquals(new String(first.get("bni-2027-0057.ics"), StandardCharsets.UTF_8), one.out());

    Path f = out.resolve("bni-2027-0057.ics");
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    // a day later: only DTSTAMP would change, so nothing is touched
    Cli.Result again = Cli.run("calendar", "plans", "-o", out.toString(), "--now", "2026-11-27T09:00:00Z");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().startsWith("6 plans: 6 calendars, " + events + " events; 0 written, 6 unchanged, 0 replaced; 0 failed"), again.out());
    assertEquals(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")), Files.getLastModifiedTime(f));
    TreeMap<String, byte[]> second = files(out);
    for (String k : first.keySet()) assertArrayEquals(first.get(k), second.get(k), k);
  }

  @Test
  void aChangedPlanIsReplacedOnlyWithForceAndItsChangedEventsGetAHigherSequence() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Path plan = plans.resolve("ny.yaml");
    String text = Files.readString(EXAMPLES.resolve("adult-new-york-dst.yaml")).replace("extends: adult-iv-induction", "extends: adult-iv-induction");
    Files.writeString(plan, text);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("calendar", plans.toString(), "-o", out.toString(), "--now", NOW).code());
    byte[] before = Files.readAllBytes(out.resolve("bni-2027-0057.ics"));
    Files.writeString(plan, text.replace("start: 2027-03-02", "start: 2027-03-09"));

    Cli.Result refused = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--now", NOW);
    assertEquals(3, refused.code(), refused.toString());
    assertTrue(refused.err().contains("bni-2027-0057.ics already exists and would change; use --force to replace it"), refused.err());
    assertTrue(refused.out().contains("1 not replaced (use --force)"), refused.out());
    assertArrayEquals(before, Files.readAllBytes(out.resolve("bni-2027-0057.ics")));

    Cli.Result forced = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--now", NOW, "--force");
    assertEquals(0, forced.code(), forced.toString());
    assertTrue(forced.out().contains("0 written, 0 unchanged, 1 replaced"), forced.out());
    String now = Files.readString(out.resolve("bni-2027-0057.ics"));
    String ket1 = now.substring(now.indexOf("UID:ket-1@"), now.indexOf("END:VEVENT", now.indexOf("UID:ket-1@")));
    assertTrue(ket1.contains("SEQUENCE:1\r\n"), ket1);
    String sleep = now.substring(now.indexOf("UID:habit-sleep@"));
    assertTrue(sleep.contains("SEQUENCE:1\r\n"), "the habit series now starts a week later");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("bni-2027-0057.ics"))));
  }

  @Test
  void failedPlansAreReportedWithTheirPlaceAndSkippedWhileTheOthersAreWritten() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Files.copy(EXAMPLES.resolve("adult-sydney.yaml"), plans.resolve("a-good.yaml"));
    Files.writeString(plans.resolve("b-broken.yaml"), "version: 1\nkind: plan\nid: broken\npatient:\n  ref: P-1\n  wieghtKg: 60\n");
    // therapy must start 1-2 h after dosing starts, but monitoring ends at 2 h 40 min: THR001
    Files.writeString(plans.resolve("c-no-therapy.yml"), Files.readString(EXAMPLES.resolve("adult-new-york-dst.yaml"))
        + "  window: { from: 1h, to: 2h }\n");
    // the same id as a-good
    Files.writeString(plans.resolve("d-same-id.yaml"), Files.readString(EXAMPLES.resolve("adult-sydney.yaml")).replace("ref: P-0094", "ref: P-0095"));
    Files.writeString(plans.resolve("notes.txt"), "not a plan");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--now", NOW);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("4 plans: 1 calendar, "), r.out());
    assertTrue(r.out().contains("; 3 failed"), r.out());
    assertTrue(r.err().contains(plans.resolve("b-broken.yaml") + ":6:3: error: unknown key `wieghtKg`"), r.err());
    assertTrue(r.err().contains(plans.resolve("c-no-therapy.yml") + ":"), r.err());
    assertTrue(r.err().contains("[THR001]"), r.err());
    assertTrue(r.err().contains(plans.resolve("d-same-id.yaml") + ": error: plan id `bni-2027-0094` is already used by " + plans.resolve("a-good.yaml")), r.err());
    assertEquals(Set.of(".kplan.lock", "bni-2027-0094.ics"), files(out).keySet());
    assertTrue(Files.readString(out.resolve("bni-2027-0094.ics")).contains("X-WR-CALNAME:Schedule P-0094 (bni-2027-0094)"), "the first plan with the id wins");
  }

  @Test
  void aRosterMakesOnePlanPerRowAndReportsBadRowsByLine() throws Exception {
    Path csv = tmp.resolve("patients.csv");
    Files.writeString(csv, """
        ref,start,timezone,weightKg,birthDate,name
        P-1001,2027-03-01,America/New_York,70,1990-01-01,Alice Example
        P-1002,2027-03-01,America/New_York,seventy,1990-01-01,Bob Example
        P-1003,,Europe/London,60,1990-01-01,Carol Example
        P-1004,2027-03-02,Mars/Olympus,60,1990-01-01,Dan Example
        P-1005,2027-03-02,Europe/London,66.5,1985-05-05,Eve Example
        """);
    Path out = tmp.resolve("out"), emitted = tmp.resolve("plans");
    Cli.Result r = Cli.run("calendar", "--template", "adult-iv-induction", "--roster", csv.toString(), "-o", out.toString(), "--emit-plans",
        emitted.toString(), "--now", NOW);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().startsWith("5 plans: 2 calendars, "), r.out());
    assertTrue(r.out().contains("; 3 failed"), r.out());
    assertTrue(r.out().contains("plans in " + emitted + ": 2 written, 0 unchanged, 0 replaced"), r.out());
    assertTrue(r.err().contains(csv + ":3: error: `weightKg` expects a number, found \"seventy\""), r.err());
    assertTrue(r.err().contains(csv + ":4: error: `start` is empty; every row needs ref, start, timezone"), r.err());
    assertTrue(r.err().contains(csv + ":5: error: timezone: unknown time zone \"Mars/Olympus\""), r.err());
    assertTrue(r.err().contains("note: " + csv + ": column `name` is not a roster column; its values are ignored"), r.err());
    assertEquals(Set.of(".kplan.lock", "adult-iv-induction-p-1001.ics", "adult-iv-induction-p-1005.ics"), files(out).keySet());
    assertEquals(Set.of(".kplan.lock", "adult-iv-induction-p-1001.yaml", "adult-iv-induction-p-1005.yaml"), files(emitted).keySet());
    String plan = Files.readString(emitted.resolve("adult-iv-induction-p-1001.yaml"));
    assertFalse(plan.contains("Alice"), plan);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(emitted.resolve("adult-iv-induction-p-1001.yaml"))));
    // the emitted plan is a plan like any other, with the same calendar
    Cli.Result again = Cli.run("calendar", emitted.toString(), "-o", tmp.resolve("out2").toString(), "--now", NOW);
    assertEquals(0, again.code(), again.toString());
    assertArrayEquals(Files.readAllBytes(out.resolve("adult-iv-induction-p-1001.ics")), Files.readAllBytes(tmp.resolve("out2/adult-iv-induction-p-1001.ics")));
    // and the roster again, with a directory around the emitted plans as PATH: nothing changes,
    // and the emitted plans are not read as plans of their own
    Cli.Result rerun = Cli.run("calendar", tmp.toString(), "--template", "adult-iv-induction", "--roster", csv.toString(), "-o", out.toString(),
        "--emit-plans", emitted.toString(), "--now", NOW);
    assertTrue(rerun.out().startsWith("5 plans: 2 calendars, "), rerun.out());
    assertTrue(rerun.out().contains("0 written, 2 unchanged") && rerun.out().contains(": 0 written, 2 unchanged, 0 replaced"), rerun.out());
    assertTrue(rerun.err().contains("note: " + emitted + ": not read, --emit-plans writes there"), rerun.err());
  }

  @Test
  void theClinicViewHoldsEveryPatientsSessionsAndFlagsTooFewChairs() throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    String ny = Files.readString(EXAMPLES.resolve("adult-new-york-dst.yaml")).replace("chairs: 4", "chairs: 1");
    Files.writeString(plans.resolve("a.yaml"), ny);
    Files.writeString(plans.resolve("b.yaml"), ny.replace("id: bni-2027-0057", "id: bni-2027-0058").replace("ref: P-0057", "ref: P-0058"));
    Files.copy(EXAMPLES.resolve("esketamine-london.yaml"), plans.resolve("c.yaml"));
    Path out = tmp.resolve("out");
    Path clinic = out.resolve("clinic.ics");
    Cli.Result r = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--merge", clinic.toString(), "--now", NOW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("clinic calendar " + clinic + ": "), r.out());
    assertTrue(r.err().contains("warning: Eastside Mood Clinic — Manhattan: 2 dosing sessions at once, 1 chair: Thu 2027-03-04 09:00 to 11:40 (America/New_York): P-0057 ket-1, P-0058 ket-1"),
        r.err());
    assertTrue(r.out().contains("6 times with more dosing sessions than chairs"), r.out());
    assertFalse(r.err().contains("Thameside"), "London has 4 chairs and one patient");
    Calendar cal = IcsOracle.parse(Files.readString(clinic));
    assertEquals(2, cal.getComponents("VTIMEZONE").size());
    Set<String> uids = new HashSet<>();
    List<String> summaries = new ArrayList<>();
    for (VEvent v : IcsOracle.events(cal)) {
      assertTrue(uids.add(IcsOracle.value(v, "UID")), "UIDs are unique across the clinic");
      assertTrue(IcsOracle.value(v, "UID").endsWith(".clinic.kplan"));
      summaries.add(IcsOracle.value(v, "SUMMARY"));
      assertTrue(v.getAlarms().isEmpty());
    }
    assertTrue(summaries.contains("P-0057 · Treatment session 1") && summaries.contains("P-0058 · Integration therapy (after session 6)")
        && summaries.contains("P-0073 · Treatment session 18"), summaries.toString());
    assertEquals(6 + 6 + 6 + 6 + 18 + 18, summaries.size());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(clinic)));
    assertFalse(Files.exists(out.resolve("clinic.ics.tmp")));
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
    Cli.Result again = Cli.run("calendar", plans.toString(), "-o", out.toString(), "--merge", clinic.toString(), "--now", "2027-01-01T00:00:00Z", "-q");
    assertEquals(0, again.code(), again.toString());
    assertEquals("", again.out());
  }

  @Test
  void outputDoesNotDependOnTheNumberOfJobs() throws Exception {
    Path a = tmp.resolve("a"), b = tmp.resolve("b");
    assertEquals(0, Cli.run("calendar", EXAMPLES.toString(), "-o", a.toString(), "--now", NOW, "-j", "1", "--merge", a.resolve("all.ics").toString()).code());
    assertEquals(0, Cli.run("calendar", EXAMPLES.toString(), "-o", b.toString(), "--now", NOW, "-j", "8", "--merge", b.resolve("all.ics").toString()).code());
    TreeMap<String, byte[]> x = files(a), y = files(b);
    assertEquals(x.keySet(), y.keySet());
    for (String k : x.keySet()) assertArrayEquals(x.get(k), y.get(k), k);
  }

  @Test
  void staleTemporaryFilesOfAKilledRunAreRemoved() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve(".bni-2027-0057.ics.8437264823.tmp"), "BEGIN:VCALENDAR\r\nPRODID:half");
    Files.writeString(out.resolve(".keep-me.tmp"), "someone else's");
    Cli.Result r = Cli.run("calendar", EXAMPLES.resolve("adult-new-york-dst.yaml").toString(), "-o", out.toString(), "--now", NOW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("note: removed 1 temporary file that an interrupted run left in "), r.err());
    assertEquals(Set.of(".kplan.lock", ".keep-me.tmp", "bni-2027-0057.ics"), files(out).keySet());
  }

  @Test
  void standardInputAndUsageErrors() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.runWithInput(Files.readString(EXAMPLES.resolve("ptsd-berlin.yaml")), "calendar", "-", "-o", out.toString(), "--now", NOW);
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.exists(out.resolve("bni-2027-0088.ics")));
    assertEquals(2, Cli.run("calendar", "-o", out.toString()).code());
    Cli.Result noTemplate = Cli.run("calendar", "--roster", "x.csv", "-o", out.toString());
    assertEquals(2, noTemplate.code());
    assertTrue(noTemplate.err().contains("--roster needs --template NAME"), noTemplate.err());
    Cli.Result badTemplate = Cli.run("calendar", "--roster", "x.csv", "--template", "adult-iv-inducton", "-o", out.toString());
    assertEquals(2, badTemplate.code());
    assertTrue(badTemplate.err().contains("did you mean `adult-iv-induction`?"), badTemplate.err());
    Path csv = tmp.resolve("bad.csv");
    Files.writeString(csv, "ref,strat,timezone\n");
    Cli.Result badHeader = Cli.run("calendar", "--roster", csv.toString(), "--template", "adult-iv-induction", "-o", out.toString());
    assertEquals(2, badHeader.code(), badHeader.toString());
    assertTrue(badHeader.err().contains(csv + ": error: unknown column `strat`; did you mean `start`?"), badHeader.err());
    assertEquals(2, Cli.run("calendar", EXAMPLES.toString(), "-o", out.toString(), "--detail", "everything").code());
    assertEquals(2, Cli.run("calendar", EXAMPLES.toString(), "-o", out.toString(), "-j", "0").code());
    Cli.Result missing = Cli.run("calendar", "no/such/dir", "-o", out.toString(), "--now", NOW);
    assertEquals(1, missing.code(), missing.toString());
    assertTrue(missing.err().contains("no such file or directory: no/such/dir"), missing.err());
  }

  @Test
  void scheduleWritesIcsWhenTheOutputFileSaysSo() throws Exception {
    Path f = tmp.resolve("p.ics");
    Cli.Result r = Cli.run("schedule", "plans/examples/adult-sydney.yaml", "-o", f.toString(), "--now", NOW, "--detail", "full",
        "--organizer", "frontdesk@clinic.example");
    assertEquals(0, r.code(), r.toString());
    String ics = Files.readString(f);
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    assertTrue(ics.replace("\r\n ", "").contains("ORGANIZER;CN=Harbourside Mood Clinic — Sydney:mailto:frontdesk@clinic.example\r\n"), ics);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(0, Cli.run("schedule", "plans/examples/adult-sydney.yaml", "-o", f.toString(), "--now", "2027-01-01T00:00:00Z", "--detail", "full",
        "--organizer", "frontdesk@clinic.example").code(), "only DTSTAMP would change: unchanged, no --force needed");
    assertEquals(3, Cli.run("schedule", "plans/examples/adult-sydney.yaml", "-o", f.toString(), "--now", NOW).code(), "minimal detail would change it");
  }
}
