package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.TestPlans;

/**
 * {@link FastPath} answers the commonest command lines without picocli: what it prints and the exit
 * code must be exactly what picocli's way gives, and everything else must go to picocli.
 */
class FastPathTest {
  record Run(Integer code, String out, String err) {}

  private static Run fast(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    Integer code = FastPath.run(args, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(), env);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run picocli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.runPicocli(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), env, null);
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertSame(Map<String, String> env, String... args) {
    Run f = fast(env, args);
    assertNotNull(f.code(), "the fast path should answer " + List.of(args));
    assertEquals(picocli(env, args), f, "for " + List.of(args));
  }

  @Test
  void theBuildRenderedTheHelpOfEveryWidthAsPicocliPrintsItNow() {
    for (boolean color : new boolean[] {false, true}) {
      for (int w = FastPath.MIN_HELP_WIDTH; w <= FastPath.MAX_HELP_WIDTH; w++) {
        assertEquals(Main.renderHelp(w, color), FastPath.help(w, color), "width " + w + (color ? " in colour" : ""));
      }
    }
    assertTrue(FastPath.help(80, true).contains("\u001B["), "the colour rendering has escape sequences");
    assertTrue(FastPath.help(80, false).startsWith("Schedule, check and calendar"));
  }

  @Test
  void helpAtTheWidthOfColumnsAndKplanAlone() {
    for (String cols : new String[] {"20", "55", "72", "80", "100", "120", "300", "wide"}) {
      Map<String, String> env = Map.of("COLUMNS", cols);
      assertSame(env, "--help");
      assertSame(env, "-h");
      assertSame(env);
    }
    assertSame(Map.of("NO_COLOR", "1"), "--help");
  }

  @Test
  void validateWithOnlyPathsGivesWhatPicocliGives(@TempDir Path dir) throws Exception {
    Path clean = Files.writeString(dir.resolve("clean.yaml"), TestPlans.CLEAN);
    Path bad = Files.writeString(dir.resolve("rules.yaml"), TestPlans.BASE);
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "version: 1\nkind: plan\nid: [\n");
    Path sub = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(sub.resolve("a.yaml"), TestPlans.CLEAN);
    Files.writeString(sub.resolve("b.yml"), TestPlans.BASE);
    Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1795000000", "NO_COLOR", "1"));
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"validate", clean.toString()});
    lines.add(new String[] {"validate", bad.toString()});
    lines.add(new String[] {"validate", broken.toString()});
    lines.add(new String[] {"validate", dir.resolve("missing.yaml").toString()});
    lines.add(new String[] {"validate", sub.toString()});
    lines.add(new String[] {"validate", clean.toString(), bad.toString(), sub.toString()});
    lines.add(new String[] {"validate", clean.toString(), dir.resolve("missing.yaml").toString()});
    for (String[] args : lines) {
      assertSame(env, args);
      assertSame(Map.of("NO_COLOR", "1", "SOURCE_DATE_EPOCH", "not a number"), args);
    }
    Run r = fast(env, "validate", bad.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("error"), r.out());
  }

  @Test
  void anythingElseGoesToPicocli() {
    Map<String, String> env = Map.of();
    assertNull(fast(env, "validate").code(), "no path: picocli's usage error");
    assertNull(fast(env, "validate", "-").code(), "standard input");
    assertNull(fast(env, "validate", "@args.txt").code(), "an argument file");
    assertNull(fast(env, "validate", "a.yaml", "--strict").code());
    assertNull(fast(env, "validate", "-f", "json", "a.yaml").code());
    assertNull(fast(env, "validate", "").code());
    assertNull(fast(env, "validate", "--", "a.yaml").code());
    assertNull(fast(env, "schedule", "a.yaml").code());
    assertNull(fast(env, "--help", "validate").code());
    assertNull(fast(env, "help").code());
    assertNull(fast(env, "--color=always", "--help").code());
  }
}
