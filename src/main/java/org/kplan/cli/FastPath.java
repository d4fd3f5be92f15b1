package org.kplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kplan.term.Style;

/**
 * The commonest command lines, answered without building picocli's model, which costs more
 * start-up time than the work itself: {@code kplan --help} (and {@code -h}, and {@code kplan}
 * alone) prints the help the build rendered with picocli for every width and both colourings;
 * {@code kplan validate PATH...} with nothing but file and directory names runs the command with its
 * defaults. Anything else (an option, {@code -} for standard input, an {@code @file}) returns null
 * and goes through picocli. Tests hold both ways to the same output and exit code.
 */
final class FastPath {
  private FastPath() {}

  /** The widths {@code kplan --help} is laid out at: the terminal's or {@code COLUMNS}, kept within these. */
  static final int MIN_HELP_WIDTH = 55, MAX_HELP_WIDTH = 120;

  /** The file, beside this class, that {@link HelpPrerender} renders the help at {@code width} into. */
  static String helpResource(int width, boolean color) {
    return "help-" + (color ? "color-" : "plain-") + width + ".txt";
  }

  /** The exit code, or null when picocli must run the command line. */
  static Integer run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    if (args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      String help = help(Main.helpWidth(env), Style.detect(Style.Mode.AUTO, false, env).enabled());
      if (help == null) return null;
      out.print(help);
      out.flush();
      return Main.OK;
    }
    if (args.length >= 2 && args[0].equals("validate") && onlyNames(args)) {
      Context ctx = new Context(in, env, null);
      ValidateCommand v = new ValidateCommand();
      v.context(ctx);
      v.common = new CommonOptions();
      v.common.context(ctx);
      v.now = new NowOption();
      v.now.context(ctx);
      v.paths = List.of(args).subList(1, args.length);
      try {
        return v.run(out, err);
      } catch (Exception e) {
        return Errors.report(e, err, false);
      }
    }
    if (args.length >= 4 && args[0].equals("calendar")) {
      CalendarCommand c = calendar(args, new Context(in, env, null));
      if (c == null) return null;
      try {
        return c.run(out, err);
      } catch (Exception e) {
        return Errors.report(e, err, false);
      }
    }
    return null;
  }

  /**
   * {@code kplan calendar} with only file and directory names, {@code -o DIR} (or {@code --output DIR}),
   * and at most once each {@code -q} (or {@code --quiet}), {@code --force} and {@code --now INSTANT},
   * every option a word of its own: the command with those options and every other at its default,
   * as picocli would set it up. Null for any other command line.
   */
  static CalendarCommand calendar(String[] args, Context ctx) {
    CalendarCommand c = new CalendarCommand();
    c.context(ctx);
    c.common = new CommonOptions();
    c.common.context(ctx);
    c.icsOptions = new IcsOptions();
    c.now = new NowOption();
    c.now.context(ctx);
    List<String> paths = new java.util.ArrayList<>();
    boolean quiet = false, force = false;
    String output = null, now = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-q") || a.equals("--quiet")) {
        if (quiet) return null;
        quiet = true;
      } else if (a.equals("--force")) {
        if (force) return null;
        force = true;
      } else if (a.equals("-o") || a.equals("--output") || a.equals("--now")) {
        if (i + 1 >= args.length || !name(args[i + 1]) || (a.equals("--now") ? now : output) != null) return null;
        if (a.equals("--now")) now = args[++i];
        else output = args[++i];
      } else if (name(a)) {
        paths.add(a);
      } else {
        return null;
      }
    }
    if (output == null || paths.isEmpty() || output.indexOf('\0') >= 0) return null;
    c.paths = List.copyOf(paths);
    c.outDir = java.nio.file.Path.of(output);
    c.quiet = quiet;
    c.force = force;
    c.now.now = now;
    return c;
  }

  /** A word that is a name (or an option's value), not an option: not empty, no leading {@code -} or {@code @}. */
  private static boolean name(String a) {
    return !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@';
  }

  /** Every word after the command is a file or directory name: not empty, not an option, not an {@code @file}. */
  private static boolean onlyNames(String[] args) {
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.isEmpty() || a.charAt(0) == '-' || a.charAt(0) == '@') return false;
    }
    return true;
  }

  /** The pre-rendered {@code kplan --help}, or null when the build did not render it (or lines end otherwise here). */
  static String help(int width, boolean color) {
    if (!System.lineSeparator().equals("\n")) return null;
    try {
      byte[] b = org.kplan.plan.Resources.read("org/kplan/cli/" + helpResource(width, color));
      return b == null ? null : new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
