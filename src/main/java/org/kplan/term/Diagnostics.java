package org.kplan.term;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kplan.plan.Finding;
import org.kplan.plan.Templates;

/**
 * Prints findings like a compiler: {@code plan.yaml:12:5: error: message [KET020]}, then the
 * source line and a caret under the column.
 *
 * <p>Loops, not streams or lambdas: this runs whenever {@code kplan validate} has findings, at
 * start-up, where each lambda's first use costs more than the loop it replaces.
 */
public final class Diagnostics {
  private final Map<String, List<String>> sources = new HashMap<>();
  private final Style style;

  public Diagnostics(Style style) {
    this.style = style;
  }

  /** Registers text that is not in a file (standard input) under its display name. */
  public void source(String name, String text) {
    sources.put(name, lines(text));
  }

  public void print(Finding f, PrintWriter err) {
    String sev = switch (f.severity()) {
      case ERROR -> style.red("error");
      case WARNING -> style.yellow("warning");
      case INFO -> style.cyan("info");
    };
    err.println(style.bold(clip(safe(f.pos().toString()))) + ": " + sev + ": " + clip(safe(f.message())) + " [" + safe(f.rule()) + "]");
    String line = line(f.pos().file(), f.pos().line());
    if (line != null) {
      err.println("    " + line);
      StringBuilder caret = new StringBuilder("    ");
      int col = Math.max(1, f.pos().column());
      for (int i = 0; i < col - 1 && i < line.length(); i++) caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
      err.println(caret.append(style.enabled() ? style.red("^") : "^"));
    }
  }

  /** Longest message printed in full; a longer one (it quotes a huge value) keeps its start and end. */
  static final int MAX_MESSAGE = 400;

  /** {@code s}, or its start and end around "… (N characters) …" when it is longer than {@link #MAX_MESSAGE}. */
  public static String clip(String s) {
    if (s == null || s.length() <= MAX_MESSAGE) return s;
    return s.substring(0, 300) + " … (" + (s.length() - 360) + " characters) … " + s.substring(s.length() - 60);
  }

  private String line(String file, int n) {
    if (n <= 0) return null;
    List<String> lines = sources.get(file);
    if (lines == null) {
      lines = load(file);
      if (lines != null) sources.put(file, lines);
    }
    if (lines == null || n > lines.size()) return null;
    String l = lines.get(n - 1);
    if (l.length() > 200) l = l.substring(0, 200) + "…";
    // never echo control characters (a hostile file could move the cursor or hide text)
    if (!unsafe(l)) return l;
    char[] cs = l.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      if (cs[i] != '\t' && (Character.getType(cs[i]) == Character.CONTROL || isBidiControl(cs[i]))) cs[i] = '?';
    }
    return new String(cs);
  }

  /**
   * Text that is safe to print on a terminal: control characters (escape sequences, carriage
   * returns, line breaks) and bidirectional controls are shown as {@code \\u001b}-style escapes, so
   * a value from a hostile file can neither drive the terminal nor disguise itself.
   */
  public static String safe(String s) {
    if (s == null || !unsafe(s)) return s;
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.CONTROL || isBidiControl(c)) b.append(String.format("\\u%04x", c));
      else b.appendCodePoint(c);
    }
    return b.toString();
  }

  /** Whether {@code s} has a control character ({@code \\p{Cc}}) or a bidirectional control. */
  static boolean unsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) continue;
      if (Character.getType(c) == Character.CONTROL || isBidiControl(c)) return true;
    }
    return false;
  }

  /** Bidirectional-text controls (embeddings, overrides, isolates, marks) that can make text read differently than it is. */
  private static boolean isBidiControl(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static List<String> load(String file) {
    try {
      if (file.startsWith("template:")) {
        Optional<String> t = Templates.text(file.substring("template:".length()));
        return t.isPresent() ? lines(t.get()) : null;
      }
      Path p = Path.of(file);
      if (!Files.isRegularFile(p) || Files.size(p) > (1 << 20)) return null;
      return lines(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The lines of {@code s} as {@link String#lines} splits them (at \n, \r and \r\n), without its stream. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0, n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch != '\n' && ch != '\r') continue;
      out.add(s.substring(start, i));
      if (ch == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
      start = i + 1;
    }
    if (start < n) out.add(s.substring(start));
    return out;
  }
}
