package org.kplan.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small streaming JSON writer with a fixed, deterministic layout: two-space indent, one member
 * per line, keys in the order written. Enough for kplan's documents, without a databind runtime.
 */
public final class Json {
  private final Appendable out;
  private int depth;
  private boolean first = true;
  private boolean afterKey;

  public Json(Appendable out) {
    this.out = out;
  }

  public Json beginObject() {
    value();
    raw("{");
    depth++;
    first = true;
    return this;
  }

  public Json endObject() {
    return close('}');
  }

  public Json beginArray() {
    value();
    raw("[");
    depth++;
    first = true;
    return this;
  }

  public Json endArray() {
    return close(']');
  }

  private Json close(char c) {
    depth--;
    if (!first) newline();
    raw(String.valueOf(c));
    first = false;
    if (depth == 0) raw("\n");
    return this;
  }

  public Json key(String k) {
    if (!first) raw(",");
    newline();
    string(k);
    raw(": ");
    afterKey = true;
    first = false;
    return this;
  }

  public Json value(String s) {
    value();
    if (s == null) raw("null");
    else string(s);
    return this;
  }

  public Json value(long n) {
    value();
    raw(Long.toString(n));
    return this;
  }

  public Json value(boolean b) {
    value();
    raw(Boolean.toString(b));
    return this;
  }

  /** A number written as given (already formatted). */
  public Json number(String n) {
    value();
    raw(n);
    return this;
  }

  public Json field(String k, String v) {
    return key(k).value(v);
  }

  public Json field(String k, long v) {
    return key(k).value(v);
  }

  /** Writes the member only when {@code v} is not null. */
  public Json optional(String k, String v) {
    return v == null ? this : field(k, v);
  }

  public Json optional(String k, Integer v) {
    return v == null ? this : field(k, v);
  }

  private void value() {
    if (afterKey) {
      afterKey = false;
      return;
    }
    if (depth > 0) {
      if (!first) raw(",");
      newline();
      first = false;
    }
  }

  private void newline() {
    raw("\n");
    for (int i = 0; i < depth; i++) raw("  ");
  }

  private void string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          // control and bidirectional-control characters are escaped: the JSON means the same,
          // and printed on a terminal it can neither drive the terminal nor disguise text
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\u061c'
              || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    raw(b.append('"').toString());
  }

  private void raw(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
