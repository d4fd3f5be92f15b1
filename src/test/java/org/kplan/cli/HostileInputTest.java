package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;

/**
 * Every file of the hostile-input corpus ({@code src/test/resources/hostile/}, listed with its
 * expected exit code and message in {@code MANIFEST.tsv}) through every command that reads plans.
 * For each run: exit 0, 1 or 2 (never 70, an internal error); the expected exit code and message
 * for {@code kplan schedule}; an input error for one command is an input error for all; a non-zero
 * exit names the file; no stack trace; no raw control or bidirectional characters on the terminal
 * (stderr, and stdout of the table and JSON); done within {@link #BOUND}.
 */
class HostileInputTest {
  static final Path DIR = Path.of("src/test/resources/hostile");
  static final String NOW = "--now=2026-11-26T00:00:00Z";
  static final Duration BOUND = Duration.ofSeconds(10);

  /** A command that reads a plan: how to call it on FILE, and whether stdout reaches a terminal as is. */
  record Command(String name, Function<String, List<String>> args, boolean checkStdout) {}

  /** Where the calendar runs of the corpus write (a fresh temporary directory per test run). */
  static final String CALENDARS = calendars();

  private static String calendars() {
    try {
      Path d = Files.createTempDirectory("kplan-hostile-calendars");
      d.toFile().deleteOnExit();
      return d.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The commands every corpus file goes through. The first command is the one MANIFEST.tsv's exit
   * codes and messages are for. `validate` and `calendar` report a plan that is not valid as
   * findings of that file (exit 1), a file that cannot be read at all as exit 2.
   */
  static final List<Command> COMMANDS = List.of(
      new Command("schedule", f -> List.of("schedule", f, "-f", "json", NOW), true),
      new Command("schedule table", f -> List.of("schedule", f, "-f", "table", NOW), true),
      new Command("validate", f -> List.of("validate", f, NOW), true),
      new Command("calendar", f -> List.of("calendar", f, "-o", CALENDARS, "--force", "-q", NOW), true));

  record Expect(String file, int exit, String fragment, String why) {}

  static List<Expect> manifest() throws IOException {
    List<Expect> out = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] c = line.split("\t", -1);
      assertEquals(4, c.length, "MANIFEST.tsv: file, exit, fragment, what: " + line);
      out.add(new Expect(c[0], Integer.parseInt(c[1]), c[2], c[3]));
    }
    return out;
  }

  @Test
  void theManifestListsEveryFileOfTheCorpusAndNoOther() throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST.tsv")).forEach(files::add);
    }
    Set<String> listed = new TreeSet<>();
    for (Expect e : manifest()) assertTrue(listed.add(e.file()), "listed twice: " + e.file());
    assertEquals(files, listed);
    assertTrue(files.size() >= 60, "at least 60 hostile files: " + files.size());
  }

  @TestFactory
  Stream<DynamicNode> everyFileThroughEveryCommand() throws IOException {
    return manifest().stream().map(e -> DynamicContainer.dynamicContainer(e.file() + " — " + e.why(),
        COMMANDS.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(e, c)))));
  }

  private static void check(Expect e, Command c) {
    String file = DIR.resolve(e.file()).toString();
    String[] args = c.args().apply(file).toArray(String[]::new);
    Result r = assertTimeoutPreemptively(BOUND, () -> Cli.run(args), () -> c.name() + " " + file + " took longer than " + BOUND);
    String what = c.name() + " " + e.file() + " (" + e.why() + ")\n" + clip(r.toString());

    assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 2, "exit 0, 1 or 2, never an internal error: " + what);
    if (c == COMMANDS.get(0)) {
      assertEquals(e.exit(), r.code(), what);
      assertTrue((r.out() + r.err()).contains(e.fragment()), "expected \"" + e.fragment() + "\": " + what);
    }
    if (e.exit() == 2 && c.name().startsWith("schedule")) assertEquals(2, r.code(), "an input error: " + what);
    boolean template = e.fragment().contains("this is a template");
    if (e.exit() == 2 && !template) assertTrue(r.code() >= 1, "an invalid plan fails every command: " + what);
    if (r.code() == 2) assertTrue(r.err().contains(file), "stderr names the file: " + what);
    if (r.code() == 1) {
      // a finding may be about a template the plan extends: it names that file
      assertTrue((r.out() + r.err()).contains(DIR.toString()), "the findings name the file: " + what);
    }
    for (String s : List.of(r.out(), r.err())) {
      assertFalse(s.contains("\tat "), "no stack trace: " + what);
      assertFalse(s.contains("Exception"), "no exception names: " + what);
      assertFalse(s.contains("internal error"), what);
    }
    assertEquals(-1, rawCharacter(r.err()), "raw control or bidi character on stderr: " + what);
    if (c.checkStdout()) assertEquals(-1, rawCharacter(r.out()), "raw control or bidi character on stdout: " + what);
    if (r.code() == 2 && c.name().startsWith("schedule")) assertEquals("", r.out(), "nothing on stdout for an invalid plan: " + what);
  }

  /** The first code point that must not reach a terminal raw (control other than newline and tab, bidi control), or -1. */
  static int rawCharacter(String s) {
    return s.codePoints()
        .filter(cp -> (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t')
            || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C)
        .findFirst().orElse(-1);
  }

  private static String clip(String s) {
    return s.length() > 3000 ? s.substring(0, 3000) + "\n…" : s;
  }
}
