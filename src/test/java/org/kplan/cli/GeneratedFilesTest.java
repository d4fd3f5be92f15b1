package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;
import org.kplan.support.Generated;

/**
 * The generated files the repository carries are what kplan generates now. To regenerate:
 * {@code ./mvnw -B test -Dtest=GeneratedFilesTest -Dkplan.generated.update=true}.
 */
class GeneratedFilesTest {
  private static String output(String... args) {
    Result r = Cli.run(args);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    return r.out();
  }

  @Test
  void completionScripts() throws Exception {
    Generated.assertCommitted(Path.of("completions/kplan.bash"), output("completion", "bash"));
    Generated.assertCommitted(Path.of("completions/_kplan"), output("completion", "zsh"));
    Generated.assertCommitted(Path.of("completions/kplan.fish"), output("completion", "fish"));
  }

  @Test
  void manualPage() throws Exception {
    Generated.assertCommitted(Path.of("docs/kplan.1"), ManPage.generate(Main.commandLine(null).getCommandSpec()));
  }

  @Test
  void planSchema() throws Exception {
    Generated.assertCommitted(Path.of("plans/kplan-plan.schema.json"), output("schema"));
  }
}
