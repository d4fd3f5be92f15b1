package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Help and the manual: every command and option is described, every command has examples. */
class HelpTest {
  static List<CommandSpec> commands() {
    CommandLine cl = Main.commandLine(null);
    return cl.getSubcommands().values().stream().map(CommandLine::getCommandSpec)
        .filter(c -> !c.usageMessage().hidden()).toList();
  }

  @Test
  void everyCommandAndOptionHasADescriptionAndEveryCommandExamples() {
    assertTrue(commands().size() >= 6);
    for (CommandSpec c : commands()) {
      assertTrue(c.usageMessage().header().length > 0, c.name() + " has a one-line header");
      assertTrue(String.join("\n", c.usageMessage().footer()).contains("  kplan " + c.name()), c.name() + " has examples");
      for (OptionSpec o : c.options()) assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), c.name() + " " + o.longestName());
      for (PositionalParamSpec p : c.positionalParameters()) assertTrue(p.description().length > 0, c.name() + " " + p.paramLabel());
      Result r = Cli.run(c.name(), "--help");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("Example"), c.name() + ":\n" + r.out());
      assertFalse(r.out().contains("null"), "no uninterpolated variables: " + r.out());
      for (String line : r.out().lines().toList()) assertTrue(line.length() <= 80, c.name() + " --help wider than 80: " + line);
    }
  }

  @Test
  void mainHelpGroupsTheCommandsAndListsExitCodes() {
    Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.contains("\nPlans:\n  init        Write a new plan for a patient, from a template"), out);
    assertTrue(out.contains("\n  schedule    Turn a plan into a dated schedule"), out);
    assertTrue(out.contains("\nShell and editor:\n  completion  Print a shell completion script"), out);
    assertTrue(out.indexOf("Plans:") < out.indexOf("Shell and editor:"));
    assertTrue(out.contains("Exit codes:\n  0    success\n  1    the plan(s) break rules"), out);
    assertEquals(out, Cli.run().out(), "kplan alone shows the same help");
    for (String line : out.lines().toList()) assertTrue(line.length() <= 80, "wider than 80: " + line);
  }

  @Test
  void helpFollowsTheWidthAndColourRules() {
    Result wide = Cli.run("", Map.of("COLUMNS", "120"), "init", "--help");
    assertTrue(wide.out().lines().anyMatch(l -> l.length() > 80), "wider with COLUMNS=120");
    assertFalse(Cli.run("init", "--help").out().contains("\u001b["));
    assertTrue(Cli.run("", Map.of("NO_COLOR", ""), "init", "--help", "--color=always").out().contains("\u001b["));
    assertFalse(Cli.run("", Map.of("NO_COLOR", "1"), "init", "--help", "--color=always").out().contains("\u001b["));
  }

  @Test
  void versionShowsVersionCommitAndJava() {
    Result r = Cli.run("--version");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().matches("(?s)kplan \\S+ \\(commit \\S+\\)\nJava \\S+ .*"), r.out());
  }

  @Test
  void theManualPageIsValidTroff() throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("groff", "-mandoc", "-Tutf8", "-ww", "-z", "docs/kplan.1").redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "groff is not installed");
      return;
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out, "groff warnings");
  }

  @Test
  void rootHelpFromStandInsEqualsHelpFromTheFullCommandTree() {
    // a run builds only the command it runs; kplan --help lists the others from their annotations
    java.io.StringWriter full = new java.io.StringWriter();
    CommandLine cl = Main.commandLine(null);
    cl.getHelpSectionMap();
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.usage(new java.io.PrintWriter(full));
    Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    assertEquals(full.toString(), r.out());
  }
}
