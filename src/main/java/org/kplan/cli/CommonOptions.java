package org.kplan.cli;

import org.kplan.term.Style;
import picocli.CommandLine.Option;

/** Options every command shares: help, colour and --debug. */
public final class CommonOptions {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--no-color", description = "No colour in the output (also when NO_COLOR is set).")
  boolean noColor;

  @Option(names = "--color", paramLabel = "WHEN", description = "Colour: auto (on a terminal), always or never. Default: ${DEFAULT-VALUE}.",
      defaultValue = "auto")
  Style.Mode color = Style.Mode.AUTO;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  Style style() {
    return Style.detect(color, noColor);
  }
}
