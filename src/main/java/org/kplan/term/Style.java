package org.kplan.term;

import org.jline.jansi.Ansi;

/**
 * The one place that decides colour: never when {@code NO_COLOR} is set or with
 * {@code --no-color}/{@code --color=never}; always with {@code --color=always}; otherwise only
 * when standard output is a terminal.
 */
public final class Style {
  public enum Mode {
    AUTO,
    ALWAYS,
    NEVER
  }

  private final boolean color;

  private Style(boolean color) {
    this.color = color;
  }

  public static final Style PLAIN = new Style(false);

  public static Style detect(Mode mode, boolean noColorFlag) {
    if (noColorFlag || mode == Mode.NEVER) return PLAIN;
    String nc = System.getenv("NO_COLOR");
    if (nc != null && !nc.isEmpty()) return PLAIN;
    if (mode == Mode.ALWAYS) return new Style(true);
    return new Style(isTerminal());
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

  public String fg(Ansi.Color c, String s) {
    return color ? Ansi.ansi().fg(c).a(s).reset().toString() : s;
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
