package org.kplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kplan completion bash|zsh|fish}: a shell completion script. */
@Command(
    name = "completion",
    headerHeading = "",
    header = "Print a shell completion script for bash, zsh or fish.",
    description = {
      "Prints a script that completes kplan's commands, options, output formats, template names and rule codes, and file names where a plan or file is expected. The same scripts are in the source tree under completions/.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(kplan completion bash)               # bash, this shell only",
      "  kplan completion bash > ~/.local/share/bash-completion/completions/kplan",
      "  kplan completion zsh > \"$${fpath[1]}/_kplan\"   # zsh; then restart it",
      "  kplan completion fish > ~/.config/fish/completions/kplan.fish",
      "",
      "Exit codes: 0 printed; 2 unknown shell."
    })
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  CompletionScripts.Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(CompletionScripts.generate(shell, Main.commandLine(null).getCommandSpec()));
    out.flush();
    return Main.OK;
  }
}
