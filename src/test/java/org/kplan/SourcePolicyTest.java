package org.kplan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What SECURITY.md promises about the code, checked on the sources, so that a new command (the
 * calendar writer, validate) keeps the promises too: every file is written through
 * {@code export/SafeFiles}; no network; no processes; no deserialization or classes by name; YAML
 * only through {@code plan/YamlTree}'s streaming parser, never bound to Java objects.
 */
class SourcePolicyTest {
  static final Path MAIN = Path.of("src/main/java");

  record Rule(String what, Pattern pattern, List<String> allowedIn) {}

  static final List<Rule> RULES = List.of(
      new Rule("writes files outside SafeFiles",
          Pattern.compile("(?<![A-Za-z])Files\\.(write|writeString|newOutputStream|newBufferedWriter|createFile|createTempFile|copy|move)\\b"
              + "|new (FileOutputStream|FileWriter|RandomAccessFile|PrintStream\\(\\s*new File)|FileChannel\\.open"),
          // CalendarBatch: the empty .kplan.lock it holds an OS lock on; ClinicIcs: the owner-only
          // spill file from SafeFiles.temporaryBeside, streamed into SafeFiles.write and deleted;
          // HelpPrerender and HolidayTable: build steps writing resources into target/classes, never run by kplan
          List.of("org/kplan/export/SafeFiles.java", "org/kplan/cli/CalendarBatch.java", "org/kplan/export/ClinicIcs.java",
              "org/kplan/cli/HelpPrerender.java", "org/kplan/plan/HolidayTable.java")),
      new Rule("uses the network",
          Pattern.compile("java\\.net\\.(http|Socket|ServerSocket|DatagramSocket|InetAddress|HttpURLConnection)|openConnection\\(|\\.openStream\\(|new Socket\\("),
          List.of()),
      new Rule("runs processes", Pattern.compile("ProcessBuilder|Runtime\\.getRuntime\\(\\)\\.exec"), List.of()),
      new Rule("deserializes or loads classes by name",
          Pattern.compile("ObjectInputStream|Class\\.forName|ScriptEngine|URLClassLoader"), List.of()),
      new Rule("parses YAML outside YamlTree or binds it to objects",
          Pattern.compile("YAMLFactory|YAMLMapper|ObjectMapper|readValue\\("), List.of("org/kplan/plan/YamlTree.java")));

  @Test
  void theSourcesKeepTheSecurityPromises() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = MAIN.relativize(f).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(f);
        for (Rule r : RULES) {
          if (r.allowedIn().contains(rel)) continue;
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) continue;
            if (r.pattern().matcher(line).find()) violations.add(rel + ":" + (i + 1) + ": " + r.what() + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
