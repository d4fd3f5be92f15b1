package org.kplan.term;

import java.util.ArrayList;
import java.util.List;

/** Fitting plain text to a width: wrapping at spaces, and cutting with an ellipsis. */
public final class Text {
  private Text() {}

  /** {@code text} broken into lines of at most {@code width} columns, at spaces (a longer word stays whole). */
  public static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  /** {@code s} cut to {@code width} columns, ending in an ellipsis when cut. */
  public static String truncate(String s, int width) {
    if (width <= 1) return s.isEmpty() ? s : "…";
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
