package org.kplan.plan;

/** ASCII digits, checked by hand where kplan once used {@code \d}: compiling an expression costs start-up time. */
public final class Ascii {
  private Ascii() {}

  /** True when {@code s[from, to)} is one or more ASCII digits. */
  public static boolean digits(String s, int from, int to) {
    if (from >= to) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /** The number {@code s[from, to)} writes in ASCII digits (at most nine), or -1 when it is not one. */
  public static int number(String s, int from, int to) {
    if (!digits(s, from, to) || to - from > 9) return -1;
    int v = 0;
    for (int i = from; i < to; i++) v = v * 10 + (s.charAt(i) - '0');
    return v;
  }
}
