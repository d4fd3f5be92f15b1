package org.kplan.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page {@code kplan(1)} in troff ({@code man} macros), written from the same picocli
 * model as {@code --help}: every command's header, description, options, parameters and
 * examples. The repository carries it as {@code docs/kplan.1}; a test keeps it in step.
 */
final class ManPage {
  private ManPage() {}

  static String generate(CommandSpec root) {
    StringBuilder m = new StringBuilder();
    m.append(".\\\" ").append(root.name()).append("(1). Generated from kplan's command-line definitions; do not edit.\n");
    m.append(".\\\" Regenerate: ./mvnw -B test -Dtest=GeneratedFilesTest -Dkplan.generated.update=true\n");
    m.append(".TH ").append(root.name().toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"").append(root.name()).append("\" \"User Commands\"\n");
    m.append(".SH NAME\n").append(root.name()).append(" \\- ").append(esc(first(root.usageMessage().header()))).append('\n');
    m.append(".SH SYNOPSIS\n");
    m.append(synopsis(root));
    for (CommandSpec sub : subcommands(root)) m.append(".br\n").append(synopsis(sub));
    m.append(".SH DESCRIPTION\n");
    paragraphs(root.usageMessage().description(), m);
    m.append(".SH OPTIONS\n");
    options(root, m);
    m.append(".SH COMMANDS\n");
    for (CommandSpec sub : subcommands(root)) {
      m.append(".SS ").append(esc(sub.qualifiedName())).append('\n');
      m.append(esc(first(sub.usageMessage().header()))).append('\n');
      m.append(".PP\n");
      m.append(synopsis(sub));
      paragraphs(sub.usageMessage().description(), m);
      options(sub, m);
      footer(sub.usageMessage().footer(), "Examples:", m);
    }
    footer(root.usageMessage().footer(), null, m);
    m.append(".SH SEE ALSO\n");
    m.append("The README of kplan: the plan format, the JSON schedule, and how a plan is scheduled.\n");
    return m.toString();
  }

  private static List<CommandSpec> subcommands(CommandSpec spec) {
    List<CommandSpec> out = new ArrayList<>();
    spec.subcommands().forEach((name, cl) -> {
      CommandSpec s = cl.getCommandSpec();
      if (!s.usageMessage().hidden() && s.name().equals(name)) {
        out.add(s);
        out.addAll(subcommands(s));
      }
    });
    return out;
  }

  private static String synopsis(CommandSpec spec) {
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    String s = help.synopsis(0).replaceAll("\\s+", " ").trim();
    String name = spec.qualifiedName();
    String rest = s.startsWith(name) ? s.substring(name.length()).trim() : s;
    return ".B " + esc(name) + "\n" + esc(rest) + "\n";
  }

  private static void options(CommandSpec spec, StringBuilder m) {
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) continue;
      m.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n").append(esc(String.join(" ", p.description()))).append('\n');
    }
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) continue;
      m.append(".TP\n");
      List<String> names = new ArrayList<>();
      for (String n : o.names()) names.add("\\fB" + esc(n) + "\\fR");
      m.append(String.join(", ", names));
      if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) m.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
      m.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
    }
  }

  /** Description paragraphs: picocli wraps each line; empty lines separate paragraphs. */
  private static void paragraphs(String[] lines, StringBuilder m) {
    List<String> para = new ArrayList<>();
    for (String l : lines) {
      String t = l.replace("%n", "").trim();
      if (t.isEmpty()) {
        flush(para, m);
      } else {
        para.add(t);
      }
    }
    flush(para, m);
  }

  private static void flush(List<String> para, StringBuilder m) {
    if (para.isEmpty()) return;
    m.append(".PP\n").append(esc(String.join(" ", para))).append('\n');
    para.clear();
  }

  /**
   * A footer: indented lines are examples (shown as written), other lines text. A line ending in
   * a colon starts a section (EXAMPLES, ENVIRONMENT, EXIT STATUS) of the main page; in a command's
   * footer the examples come under {@code heading}.
   */
  private static void footer(String[] lines, String heading, StringBuilder m) {
    boolean code = false;
    List<String> text = new ArrayList<>();
    if (heading != null) m.append(".PP\n").append(esc(heading)).append('\n');
    for (String raw : lines) {
      String l = raw.replace("%n", "");
      boolean indented = l.startsWith("  ");
      if (indented != code || l.isBlank()) {
        if (code) m.append(".RE\n.fi\n");
        flush(text, m);
        code = false;
      }
      if (l.isBlank()) continue;
      if (heading == null && !indented && l.endsWith(":")) {
        String section = l.substring(0, l.length() - 1).toUpperCase(java.util.Locale.ROOT);
        m.append(".SH ").append(section.equals("EXIT CODES") ? "EXIT STATUS" : esc(section)).append('\n');
        continue;
      }
      if (indented) {
        if (!code) m.append(".PP\n.nf\n.RS 4\n");
        code = true;
        m.append(esc(l.substring(2))).append('\n');
      } else {
        text.add(l.trim());
      }
    }
    if (code) m.append(".RE\n.fi\n");
    flush(text, m);
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0];
  }

  /** Text safe in troff: backslashes, hyphens as minus signs, and no line starting with a control character. */
  static String esc(String s) {
    String t = s.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder out = new StringBuilder();
    for (String line : t.split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      if (line.startsWith(".") || line.startsWith("'")) out.append("\\&");
      out.append(line);
    }
    return out.toString();
  }

  /** Writes the page for {@code kplan} to standard output (for builds that want it without the tests). */
  public static void main(String[] args) {
    System.out.print(generate(new CommandLine(new Main()).getCommandSpec()));
  }
}
