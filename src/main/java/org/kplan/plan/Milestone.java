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

  private static final Pattern P =
      Pattern.compile("\\s*([a-z-]+?)(?::\\s*(\\S+?))?\\s*(?:([+-])\\s*([\\dPp]\\S*))?\\s*");

  private static final Pattern SESSION_NUMBER = Pattern.compile("\\d{1,5}");

  /** Parses a milestone; throws IllegalArgumentException with a helpful message. */
  public static Milestone parse(String text, Pos pos) {
    Matcher m = P.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a milestone such as `start`, `session:3`, `phase-end:induction` or `last-session + 4w`");
    }
    String word = m.group(1);
    String arg = m.group(2);
    PlanDuration off = PlanDuration.ZERO;
    if (m.group(3) != null) off = PlanDuration.parse(m.group(3) + m.group(4), true);
    Kind kind = null;
    for (Kind k : Kind.values()) if (k.word.equals(word)) kind = k;
    if (kind == null) {
      throw new IllegalArgumentException("unknown milestone `" + word + "`"
          + Suggest.didYouMean(word, java.util.Arrays.stream(Kind.values()).map(k -> k.word).toList())
          + " (one of " + String.join(", ", WORDS) + ")");
    }
    int session = 0;
    String phase = null;
    switch (kind) {
      case SESSION -> {
        if (arg == null || !SESSION_NUMBER.matcher(arg).matches() || Integer.parseInt(arg) < 1) {
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
}
