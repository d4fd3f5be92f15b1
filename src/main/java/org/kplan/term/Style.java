package org.kplan.term;

import java.util.Map;
import org.jline.jansi.Ansi;

/**
 * The one place that decides colour and width.
 *
 * <p>Colour: never when {@code NO_COLOR} is set (to anything but the empty string) or with
 * {@code --no-color}/{@code --color=never}; with {@code --color=always} otherwise; with
 * {@code --color=auto} (the default) only when standard output is a terminal whose {@code TERM}
 * is not {@code dumb}.
 *
 * <p>Width: {@code --width N} where a command has it; else the terminal's width when standard
 * output is a terminal (asked through JLine, loaded only then); else {@code COLUMNS}; else 80.
 *
 * <p>Escape sequences are made with JLine's {@code org.jline.jansi.Ansi}, only when colour is on.
 */
public final class Style {
  public enum Mode {
    AUTO,
    ALWAYS,
    NEVER
  }

  /** Width when nothing else says: the classic terminal. */
  public static final int DEFAULT_WIDTH = 80;
  /** Narrowest width kplan lays out for. */
  public static final int MIN_WIDTH = 40;
  /** Widest width kplan lays out for; wider terminals get this. */
  public static final int MAX_WIDTH = 400;

  private final boolean color;

  private Style(boolean color) {
    this.color = color;
  }

  public static final Style PLAIN = new Style(false);
  public static final Style COLOR = new Style(true);

  /** Decides colour from the options and the process environment. */
  public static Style detect(Mode mode, boolean noColorFlag) {
    return detect(mode, noColorFlag, System.getenv());
  }

  /** Decides colour from the options and {@code env} (the command's environment). */
  public static Style detect(Mode mode, boolean noColorFlag, Map<String, String> env) {
    if (noColorFlag || mode == Mode.NEVER) return PLAIN;
    String nc = env.get("NO_COLOR");
    if (nc != null && !nc.isEmpty()) return PLAIN;
    if (mode == Mode.ALWAYS) return COLOR;
    return isTerminal() && !"dumb".equals(env.get("TERM")) ? COLOR : PLAIN;
  }

  /**
   * The width to lay out for: {@code option} when given, else the terminal's width when standard
   * output is a terminal, else {@code COLUMNS}, else {@value #DEFAULT_WIDTH}; kept between
   * {@value #MIN_WIDTH} and {@value #MAX_WIDTH}.
   */
  public static int width(Integer option, Map<String, String> env) {
    if (option != null) return clamp(option);
    if (isTerminal()) {
      int w = TerminalSize.columns();
      if (w > 0) return clamp(w);
    }
    String cols = env.get("COLUMNS");
    if (cols != null && isWidth(cols.trim())) {
      int w = Integer.parseInt(cols.trim());
      if (w > 0) return clamp(w);
    }
    return DEFAULT_WIDTH;
  }

  /** {@code \\d{1,4}} (ASCII digits), by hand: a regular expression costs start-up time. */
  static boolean isWidth(String s) {
    return s.length() <= 4 && org.kplan.plan.Ascii.digits(s, 0, s.length());
  }

  private static int clamp(int w) {
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w));
  }

  /** True when standard output is an interactive terminal (on JDK 22+ System.console() exists even when redirected). */
  public static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) return false;
    try {
      java.lang.reflect.Method m = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  public boolean enabled() {
    return color;
  }

  public String bold(String s) {
    return color ? Ansi.ansi().bold().a(s).reset().toString() : s;
  }

  public String dim(String s) {
    return color ? Ansi.ansi().fgBrightBlack().a(s).reset().toString() : s;
  }

  public String underline(String s) {
    return color ? Ansi.ansi().a(Ansi.Attribute.UNDERLINE).a(s).reset().toString() : s;
  }

  public String fg(Ansi.Color c, String s) {
    return color ? Ansi.ansi().fg(c).a(s).reset().toString() : s;
  }

  /** {@code s} in colour {@code c}, optionally bold, underlined or in reverse video; plain without colour. */
  public String paint(String s, Ansi.Color c, boolean bold, boolean underline, boolean reverse) {
    if (!color) return s;
    Ansi a = Ansi.ansi();
    if (bold) a.bold();
    if (underline) a.a(Ansi.Attribute.UNDERLINE);
    if (reverse) a.a(Ansi.Attribute.NEGATIVE_ON);
    if (c != null) a.fg(c);
    return a.a(s).reset().toString();
  }

  public String red(String s) {
    return fg(Ansi.Color.RED, s);
  }

  public String yellow(String s) {
    return fg(Ansi.Color.YELLOW, s);
  }

  public String cyan(String s) {
    return fg(Ansi.Color.CYAN, s);
  }
}
