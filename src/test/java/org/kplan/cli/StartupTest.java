package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** JLine's terminal and line reader are loaded only by {@code kplan init} on a terminal, never by other commands. */
class StartupTest {
  /**
   * The tests' class path without ical4j, the tests' iCalendar oracle: it registers a time-zone
   * rules provider that loads classes (date formatters among them) that kplan's own jar never would.
   */
  static String runtimeClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> !Path.of(e).getFileName().toString().startsWith("ical4j"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  static List<String> loadedClasses(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-verbose:class", "-cp", runtimeClassPath(), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    return out.lines().filter(l -> l.contains("[class,load]")).map(l -> l.replaceAll("^\\[[^]]*]\\[[^]]*]\\[class,load] (\\S+).*", "$1")).toList();
  }

  @Test
  void otherCommandsDoNotLoadJLinesTerminalOrReader() throws Exception {
    // colour on, so the probe must see JLine's Ansi: it would see the terminal and reader classes too
    String[] show = {"show", "plans/examples/adult-sydney.yaml", "--now", "2026-11-26T00:00:00Z", "--color=always"};
    String[] schedule = {"schedule", "plans/examples/adult-sydney.yaml", "-f", "table", "--now", "2026-11-26T00:00:00Z"};
    for (String[] args : List.of(show, schedule)) {
      List<String> loaded = loadedClasses(args);
      assertTrue(loaded.contains(Main.class.getName()), "the probe sees kplan's classes: " + loaded.size());
      List<String> jline = loaded.stream().filter(c -> c.startsWith("org.jline.reader") || c.startsWith("org.jline.terminal")).toList();
      assertEquals(List.of(), jline, String.join(" ", args));
      if (args == show && System.getenv("NO_COLOR") == null) assertTrue(loaded.contains("org.jline.jansi.Ansi"), "Ansi loaded for colour");
    }
  }

  @Test
  void helpAndValidatingAPlanBuildNeitherPicocliNorJollydayNorDateFormattersNorJacksonNorRegex() throws Exception {
    // the Los Angeles example names clinic.holidays (US-CA): the build's holiday table answers
    List<String> validate = loadedClasses("validate", "plans/examples/adolescent-los-angeles.yaml");
    assertTrue(validate.contains(ValidateCommand.class.getName()), "the probe sees the command run");
    assertEquals(List.of(), validate.stream().filter(c -> c.startsWith("picocli.CommandLine$Model")).toList(), "picocli's model");
    assertEquals(List.of(), validate.stream().filter(c -> c.startsWith("de.focus_shift.jollyday")).toList(), "Jollyday");
    assertEquals(List.of(), validate.stream().filter(c -> c.startsWith("java.time.format.DateTimeFormatter")).toList(), "date formatters");
    // the plan and its template are in the subset FastYaml reads; no regular expression is compiled
    assertEquals(List.of(), validate.stream().filter(c -> c.startsWith("org.snakeyaml") || c.startsWith("tools.jackson.dataformat")).toList(), "YAML parser");
    assertEquals(List.of(), validate.stream().filter(c -> c.startsWith("java.util.regex.Pattern$")).toList(), "regular expressions");
    List<String> help = loadedClasses("--help");
    assertEquals(List.of(), help.stream().filter(c -> c.startsWith("picocli.CommandLine$Model")).toList(), "picocli's model for --help");
  }
}
