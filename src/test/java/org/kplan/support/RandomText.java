package org.kplan.support;

import java.util.Random;

/** Seeded random strings for the tests that hold a hand-written check to the expression it replaced. */
public final class RandomText {
  private RandomText() {}

  /** Up to {@code max} characters drawn from {@code alphabet} (halves of surrogate pairs included, on purpose). */
  public static String of(Random r, String alphabet, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }
}
