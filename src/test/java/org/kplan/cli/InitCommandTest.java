package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Severity;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Schedule;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import org.kplan.term.LinePrompter;
import org.kplan.term.Prompter;

/**
 * {@code kplan init}: the wizard driven through a JLine terminal over piped streams (typing,
 * Tab, a wrong answer corrected, Ctrl-C, Ctrl-D), and the same from options without a terminal.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InitCommandTest {
  static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", String.valueOf(NOW.getEpochSecond()));

  /** What a person typed, and what the terminal showed them. */
  record Session(Result result, String screen) {}

  /**
   * Runs kplan with a terminal whose keyboard types {@code keys}. The keyboard stays open while
   * kplan runs (as a real one does), so that the end of the keys is not mistaken for Ctrl-D.
   */
  static Session typing(String keys, String... args) throws IOException {
    return typingThen(keys, null, null, args);
  }

  /** As {@link #typing}; then, once the screen shows {@code waitFor}, types {@code later}. */
  static Session typingThen(String keys, String waitFor, String later, String... args) throws IOException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Keyboard keyboard = new Keyboard();
    Keyboard in = keyboard;
    keyboard.type(keys);
    Attributes attrs = new Attributes();
    attrs.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    attrs.setControlChar(Attributes.ControlChar.VINTR, 3);
    attrs.setControlChar(Attributes.ControlChar.VEOF, 4);
    try (Terminal t = new ExternalTerminal(null, "test", "xterm", in, screen, StandardCharsets.UTF_8,
        Terminal.SignalHandler.SIG_DFL, false, attrs, new Size(100, 30))) {
      Thread feeder = null;
      if (waitFor != null) {
        feeder = new Thread(() -> {
          try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!plain(screen.toString(StandardCharsets.UTF_8)).contains(waitFor) && System.nanoTime() < until) Thread.sleep(20);
            Thread.sleep(100); // the prompt is drawn before the reader waits for a key
            keyboard.type(later);
          } catch (InterruptedException e) {
            // the test fails on what the screen shows
          }
        });
        feeder.start();
      }
      Result r = Cli.run(LinePrompter.on(t), "", ENV, args);
      t.flush();
      return new Session(r, plain(screen.toString(StandardCharsets.UTF_8)));
    } finally {
      keyboard.close();
    }
  }

  /** Keys typed, in order; reading waits for the next key until the keyboard is closed. */
  static final class Keyboard extends InputStream {
    private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

    void type(String s) {
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) keys.add(b & 0xff);
    }

    @Override
    public int read() throws IOException {
      try {
        return keys.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      int c = read();
      if (c < 0) return -1;
      b[off] = (byte) c;
      int n = 1;
      Integer next;
      while (n < len && (next = keys.peek()) != null && next >= 0) {
        b[off + n++] = (byte) (int) keys.poll();
      }
      return n;
    }

    @Override
    public void close() {
      keys.add(-1);
    }
  }

  /** The screen without escape sequences and carriage returns. */
  static String plain(String s) {
    return s.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001b[()][A-Z0-9]", "").replace("\r", "");
  }

  static Schedule loadsAndSchedules(Path file) throws Exception {
    Plan p = new PlanLoader().load(file);
    Schedule s = Engine.schedule(p, NOW, org.kplan.plan.HolidayCalendars.INSTANCE);
    assertFalse(s.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR), s.findings().toString());
    assertFalse(s.events().isEmpty());
    return s;
  }

  static void ownerOnly(Path file) throws IOException {
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void theWizardAsksEveryQuestionReasksAWrongAnswerAndWritesAPlanThatSchedules(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yaml");
    String keys = String.join("\r",
        "adol\t",                 // Tab completes the only template that starts so
        "P-0042",
        "2010-02-30",             // no such date: asked again
        "2010-03-14",
        "54.5",
        "2027-01-11",
        "2026-12-15",             // a minor: guardian consent
        "2026-12-15",             // and assent
        "America/Los_Ang\t",      // Tab completes the zone
        "",                       // clinic days: the template's [mon-fri]
        "",                       // clinic hours: the template's [08:00-18:00]
        "") + "\r";               // id: the default [p-0042-2027-01-11]
    Session s = typing(keys, "init", file.toString());
    assertEquals(0, s.result().code(), s.result() + "\n--- screen\n" + s.screen());
    String screen = s.screen();
    assertTrue(screen.contains("Template: adolescent-iv-induction"), screen);
    assertTrue(screen.contains("Birth date (YYYY-MM-DD): 2010-02-30"), screen);
    assertTrue(screen.contains("✗ 2010-02-30 is not a date in the calendar"), screen);
    assertTrue(screen.contains("Minor: date the guardian's consent was signed"), screen);
    assertTrue(screen.contains("Time zone: America/Los_Angeles"), screen);
    assertTrue(screen.contains("Clinic days [mon-fri]:"), screen);
    assertTrue(screen.contains("Clinic hours (HH:MM-HH:MM) [08:00-18:00]:"), screen);
    assertTrue(screen.contains("Plan id [p-0042-2027-01-11]:"), screen);
    assertTrue(screen.contains("Wrote " + file), screen);
    String text = Files.readString(file);
    assertTrue(text.contains("\nextends: adolescent-iv-induction\n"), text);
    assertTrue(text.contains("\nid: p-0042-2027-01-11\n"), text);
    assertTrue(text.contains("  birthDate: 2010-03-14\n  weightKg: 54.5\n  guardianConsent: 2026-12-15\n  assent: 2026-12-15\n"), text);
    assertTrue(text.contains("\ntimezone: America/Los_Angeles\nstart: 2027-01-11\n"), text);
    ownerOnly(file);
    Schedule sched = loadsAndSchedules(file);
    assertEquals("2027-01-11T09:00-08:00[America/Los_Angeles]", sched.events().stream()
        .filter(e -> e.id().equals("ket-1")).findFirst().orElseThrow().start().toString());
  }

  @Test
  void aWrongAnswerIsNotAcceptedAndTheDefaultIsShownInBrackets(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    String keys = String.join("\r", "no-such-template", "adult-iv-induction", "John Doe", "P-7", "1985-01-31", "heavy", "80",
        "", "Mars/Olympus", "Europe/Berlin", "mon-sun-fri", "mon-fri", "18:00-08:00", "07:30-18:30", "P 7", "") + "\r";
    Session s = typing(keys, "init", file.toString());
    assertEquals(0, s.result().code(), s.result() + "\n--- screen\n" + s.screen());
    String screen = s.screen();
    assertTrue(screen.contains("✗ unknown template \"no-such-template\""), screen);
    assertTrue(screen.contains("(a pseudonym: never the patient's name)"), screen);
    assertTrue(screen.contains("✗ expected a weight in kg, such as 54.5; found \"heavy\""), screen);
    assertTrue(screen.contains("First possible dosing date (YYYY-MM-DD) [2026-12-07]:"), screen);
    assertTrue(screen.contains("✗ unknown time zone \"Mars/Olympus\""), screen);
    assertTrue(screen.contains("✗ expected weekdays such as mon-fri"), screen);
    assertTrue(screen.contains("✗ expected opening hours as HH:MM-HH:MM"), screen);
    assertTrue(screen.contains("✗ an id is 1-64 letters"), screen);
    assertFalse(screen.contains("guardian"), "an adult is not asked for a guardian's consent");
    String text = Files.readString(file);
    assertTrue(text.contains("\nstart: 2026-12-07\n"), text);
    assertTrue(text.contains("    mon-fri: \"07:30-18:30\"\n"), text);
    loadsAndSchedules(file);
  }

  @Test
  void ctrlCLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yaml");
    Session s = typingThen("adult-iv-induction\rP-1\r", "Birth date", "\u0003", "init", file.toString());
    assertEquals(130, s.result().code(), s.result().toString());
    assertTrue(s.result().err().contains("kplan: init interrupted; nothing written"), s.result().err());
    assertEquals(List.of(), files(dir), "no plan and no temporary file");
  }

  @Test
  void ctrlDEndsWithoutWriting(@TempDir Path dir) throws Exception {
    Session s = typingThen("adult-iv-induction\r", "Patient reference", "\u0004", "init", dir.resolve("plan.yaml").toString());
    assertEquals(2, s.result().code(), s.result().toString());
    assertTrue(s.result().err().contains("input ended before every answer was given; nothing written"), s.result().err());
    assertEquals(List.of(), files(dir));
  }

  @Test
  void aPlanThatWouldNotScheduleIsNotWrittenAndTheClinicIsAskedAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yaml");
    // a Thursday dose needs Friday for its therapy: mon-thu leaves it nowhere; then mon-fri
    String keys = String.join("\r", "", "", "mon-thu", "") + "\r" + String.join("\r", "", "mon-fri", "") + "\r";
    Session s = typing(keys, "init", file.toString(), "--template", "adolescent-iv-induction", "--patient", "P-9",
        "--birth-date", "2009-05-01", "--weight", "60", "--start", "2027-01-11", "--timezone", "America/Chicago", "--id", "p-9");
    assertEquals(0, s.result().code(), s.result() + "\n--- screen\n" + s.screen());
    assertTrue(s.screen().contains("[THR001]"), s.screen());
    assertTrue(s.screen().contains("The plan would not schedule without errors"), s.screen());
    assertTrue(Files.readString(file).contains("    mon-fri: \"08:00-18:00\"\n"));
    loadsAndSchedules(file);
  }

  // ------------------------------------------------------------------ without a terminal

  static final String[] ANSWERS = {"--template", "adult-iv-induction", "--patient", "P-0057", "--birth-date", "1990-04-02",
      "--weight", "68", "--start", "2027-03-01", "--timezone", "America/New_York"};

  static String[] args(String... first) {
    List<String> a = new ArrayList<>(List.of("init"));
    a.addAll(List.of(first));
    a.addAll(List.of(ANSWERS));
    return a.toArray(String[]::new);
  }

  /** A terminal that must not be opened. */
  static final Prompter.Factory NO_TERMINAL = style -> fail("asked a question although every answer was given");

  @Test
  void withEveryAnswerAsAnOptionNothingIsAsked(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Result r = Cli.run(NO_TERMINAL, "", ENV, args(file.toString(), "--days", "mon-fri", "--hours", "08:00-19:00", "--id", "p-57"));
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("Wrote " + file + " (readable by you only). Next: kplan show " + file + "\n", r.err());
    ownerOnly(file);
    assertEquals("""
        # A treatment plan written by `kplan init`. Everything not given here comes from the template
        # it extends (`kplan templates`): mappings merge key by key, lists replace.
        # Check it with `kplan show FILE` or `kplan schedule FILE`.
        version: 1
        kind: plan
        id: p-57
        extends: adult-iv-induction

        patient:
          ref: P-0057
          birthDate: 1990-04-02
          weightKg: 68

        timezone: America/New_York
        start: 2027-03-01

        clinic:
          hours:
            mon-fri: "08:00-19:00"
        """, Files.readString(file));
    loadsAndSchedules(file);
  }

  @Test
  void withoutATerminalMissingAnswersNameTheirOptions(@TempDir Path dir) {
    Result r = Cli.run("", ENV, "init", dir.resolve("p.yaml").toString(), "--template", "adult-iv-induction", "--patient", "P-1");
    assertEquals(2, r.code(), r.toString());
    assertEquals("kplan: missing --birth-date, --weight, --start, --timezone (there is no terminal to ask on); see 'kplan init --help'\n", r.err());
    Result noInput = Cli.run(NO_TERMINAL, "", ENV, "init", dir.resolve("p.yaml").toString(), "--no-input");
    assertEquals(2, noInput.code(), noInput.toString());
    assertTrue(noInput.err().contains("missing --template, --patient, --birth-date, --start, --timezone"), noInput.err());
  }

  @Test
  void aWrongOptionValueIsAUsageErrorNamingTheOption(@TempDir Path dir) {
    Result r = Cli.run("", ENV, "init", dir.resolve("p.yaml").toString(), "--template", "adult-iv-induction", "--patient", "P-1",
        "--birth-date", "2010-02-30", "--weight", "68", "--start", "2027-03-01", "--timezone", "America/New_York");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("kplan: --birth-date: 2010-02-30 is not a date in the calendar"), r.err());
  }

  @Test
  void aDashPrintsThePlanAndDefaultsComeFromTheTemplate() throws Exception {
    Result r = Cli.run("", ENV, args("-"));
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().contains("\nid: p-0057-2027-03-01\n"), r.out());
    assertTrue(r.out().contains("    mon-fri: \"08:00-18:00\"\n"), r.out());
    Result back = Cli.run(r.out(), Map.of(), "schedule", "-", "-f", "json", "--now", NOW.toString());
    assertEquals(0, back.code(), back.toString());
  }

  @Test
  void anExistingFileIsNeverReplacedWithoutForce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, "keep me\n");
    Result r = Cli.run("", ENV, args(file.toString()));
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("already exists; use --force to replace it"), r.err());
    assertEquals("keep me\n", Files.readString(file));
    Result forced = Cli.run("", ENV, args(file.toString(), "--force"));
    assertEquals(0, forced.code(), forced.toString());
    loadsAndSchedules(file);
  }

  @Test
  void closingATemplatesDaysAndALocalTemplateFile(@TempDir Path dir) throws Exception {
    // the template lives below the plan's directory: `extends` never leads outside it (or the working directory)
    Path base = Files.createDirectories(dir.resolve("templates")).resolve("clinic-base.yaml");
    Files.writeString(base, "version: 1\nkind: template\nid: base\nextends: ptsd-iv-series\nclinic:\n  name: Base clinic\n");
    Path file = dir.resolve("p.yaml");
    Result r = Cli.run("", ENV, "init", file.toString(), "--template", base.toString(), "--patient", "P-3",
        "--birth-date", "1980-01-01", "--weight", "70", "--start", "2027-01-04", "--timezone", "Europe/Berlin", "--days", "mon-fri", "--hours", "07:30-18:30");
    assertEquals(0, r.code(), r.toString());
    String text = Files.readString(file);
    assertTrue(text.contains("\nextends: ./templates/clinic-base.yaml\n"), text);
    assertTrue(text.contains("    sat: closed\n    mon-fri: \"07:30-18:30\"\n"), "the template's Saturday is closed: " + text);
    Plan p = new PlanLoader().load(file);
    assertEquals(5, p.clinic().hours().size());
    assertEquals("Base clinic", p.clinic().name());
    loadsAndSchedules(file);
  }
}
