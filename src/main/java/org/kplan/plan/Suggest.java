package org.kplan.plan;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The nearest candidate to {@code word}, or null when none is near enough to be a likely typo. */
  public static String nearest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestD || (d == bestD && best != null && c.compareTo(best) < 0)) {
        bestD = d;
        best = c;
      }
    }
    if (best == null) return null;
    int limit = Math.max(2, Math.min(w.length(), best.length()) / 3);
    if (bestD <= limit) return best;
    // a prefix or containment ("monitor" for "monitoring") is a likely slip too
    String b = best.toLowerCase(Locale.ROOT);
    if (w.length() >= 3 && (b.startsWith(w) || w.startsWith(b))) return best;
    return null;
  }

  /** ", did you mean `x`?" or "". */
  public static String didYouMean(String word, Collection<String> candidates) {
    String s = nearest(word, candidates);
    return s == null ? "" : "; did you mean `" + s + "`?";
  }

  /** Damerau-Levenshtein (optimal string alignment) distance. */
  static int distance(String a, String b) {
    int n = a.length(), m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) d[i][0] = i;
    for (int j = 0; j <= m; j++) d[0][j] = j;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m];
  }
}
