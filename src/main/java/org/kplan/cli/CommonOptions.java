package org.kplan.cli;

import org.kplan.term.Style;
import picocli.CommandLine.Option;

/**
 * Options every command shares: help, colour and --debug. Colour and width are decided in
 * {@link Style}, from these options and the command's environment.
 */
public final class CommonOptions implements Context.Aware {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--no-color", description = "No colour in the output (also when NO_COLOR is set).")
  boolean noColor;

  @Option(names = "--color", paramLabel = "WHEN", completionCandidates = ColorWhen.class,
      description = "Colour: auto (on a terminal), always or never. Default: ${DEFAULT-VALUE}.",
      defaultValue = "auto")
  Style.Mode color = Style.Mode.AUTO;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  private Context ctx;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  Style style() {
    return ctx == null ? Style.detect(color, noColor) : Style.detect(color, noColor, ctx.env);
  }

  /** The width to lay out for: {@code option} (a command's --width) when given, else see {@link Style#width}. */
  int width(Integer option) {
    return Style.width(option, ctx == null ? System.getenv() : ctx.env);
  }

  /** The values of --color, as typed. */
  static final class ColorWhen implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("auto", "always", "never").iterator();
    }
  }
}
