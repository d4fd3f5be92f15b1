package org.kplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kplan.plan.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kplan templates}: the built-in templates. */
@Command(
    name = "templates",
    header = "List the built-in plan templates (use one with `extends: NAME`).",
    footerHeading = "%nExample:%n",
    footer = {"  kplan templates"})
public final class TemplatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String n : Templates.names()) {
      String first = Templates.text(n).orElse("").lines()
          .filter(l -> l.startsWith("# ") && !l.contains("yaml-language-server"))
          .findFirst().map(l -> l.substring(2).trim()).orElse("");
      out.println(String.format("%-28s %s", n, first));
    }
    return Main.OK;
  }
}
