package org.kplan.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in the plan that other items are placed relative to: {@code start},
 * {@code first-session}, {@code last-session}, {@code session:N}, {@code phase-start:NAME},
 * {@code phase-end:NAME}, {@code plan-end}, each optionally {@code + DURATION} or
 * {@code - DURATION}.
 */
public record Milestone(Kind kind, int session, String phase, PlanDuration offset, String text, Pos pos) {
  public enum Kind {
    START("start"),
    FIRST_SESSION("first-session"),
    LAST_SESSION("last-session"),
    SESSION("session"),
    PHASE_START("phase-start"),
    PHASE_END("phase-end"),
    PLAN_END("plan-end");

    public final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  public static final java.util.List<String> WORDS =
      java.util.List.of("start", "first-session", "last-session", "session:N", "phase-start:NAME", "phase-end:NAME", "plan-end");

  /** The grammar, for the texts {@link #plainGroups} leaves; compiled on first use, as compiling costs start-up time. */
  private static final class Rx {
    static final Pattern P =
        Pattern.compile("\\s*([a-z-]+?)(?::\\s*(\\S+?))?\\s*(?:([+-])\\s*([\\dPp]\\S*))?\\s*");
  }

  private static java.util.List<String> kindWords() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Kind k : Kind.values()) out.add(k.word);
    return out;
  }

  /** Parses a milestone; throws IllegalArgumentException with a helpful message. */
  public static Milestone parse(String text, Pos pos) {
    String[] g = groups(text);
    if (g == null) {
      throw new IllegalArgumentException("expected a milestone such as `start`, `session:3`, `phase-end:induction` or `last-session + 4w`");
    }
    String word = g[0];
    String arg = g[1];
    PlanDuration off = PlanDuration.ZERO;
    if (g[2] != null) off = PlanDuration.parse(g[2] + g[3], true);
    Kind kind = null;
    for (Kind k : Kind.values()) if (k.word.equals(word)) kind = k;
    if (kind == null) {
      throw new IllegalArgumentException("unknown milestone `" + word + "`"
          + Suggest.didYouMean(word, kindWords())
          + " (one of " + String.join(", ", WORDS) + ")");
    }
    int session = 0;
    String phase = null;
    switch (kind) {
      case SESSION -> {
        if (arg == null || arg.length() > 5 || !Ascii.digits(arg, 0, arg.length()) || Integer.parseInt(arg) < 1) {
          throw new IllegalArgumentException("`session:N` needs a session number from 1, as in `session:3`");
        }
        session = Integer.parseInt(arg);
      }
      case PHASE_START, PHASE_END -> {
        if (arg == null) throw new IllegalArgumentException("`" + word + ":NAME` needs a phase name, as in `" + word + ":induction`");
        phase = arg;
      }
      default -> {
        if (arg != null) throw new IllegalArgumentException("`" + word + "` takes no `:` argument");
      }
    }
    return new Milestone(kind, session, phase, off, text.trim(), pos);
  }

  /** The groups of {@code Rx.P} in {@code text} (word, argument, sign, duration), or null when it does not match. */
  static String[] groups(String text) {
    String[] g = plainGroups(text);
    if (g != null) return g;
    Matcher m = Rx.P.matcher(text);
    return m.matches() ? new String[] {m.group(1), m.group(2), m.group(3), m.group(4)} : null;
  }

  /**
   * {@code Rx.P}'s groups without the matcher, for the usual texts: printable ASCII with a word
   * kplan knows, an argument right after its ':' without '+' or '-', and a signed duration. For
   * these the expression's lazy parts can only end where this reads them; anything else is left to
   * the expression (null).
   */
  static String[] plainGroups(String text) {
    int n = text.length(), i = 0;
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      if (c < 0x20 || c >= 0x7F) return null;
    }
    while (i < n && text.charAt(i) == ' ') i++;
    while (n > i && text.charAt(n - 1) == ' ') n--;
    int w = i;
    while (i < n && (text.charAt(i) >= 'a' && text.charAt(i) <= 'z' || text.charAt(i) == '-')) i++;
    String word = text.substring(w, i);
    boolean known = false;
    for (Kind k : Kind.values()) known |= k.word.equals(word);
    if (!known) return null;
    String arg = null;
    if (i < n && text.charAt(i) == ':') {
      int a = ++i;
      while (i < n && text.charAt(i) != ' ') {
        char c = text.charAt(i++);
        if (c == '+' || c == '-') return null;
      }
      if (i == a) return null;
      arg = text.substring(a, i);
    }
    while (i < n && text.charAt(i) == ' ') i++;
    if (i == n) return new String[] {word, arg, null, null};
    char sign = text.charAt(i++);
    if (sign != '+' && sign != '-') return null;
    while (i < n && text.charAt(i) == ' ') i++;
    int d = i;
    if (i == n || !(text.charAt(i) >= '0' && text.charAt(i) <= '9' || text.charAt(i) == 'P' || text.charAt(i) == 'p')) return null;
    while (i < n && text.charAt(i) != ' ') i++;
    if (i != n) return null;
    return new String[] {word, arg, String.valueOf(sign), text.substring(d, n)};
  }
}
