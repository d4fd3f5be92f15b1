package org.kplan.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kplan.plan.YNode.Entry;
import org.kplan.plan.YNode.ScalarType;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;

/**
 * A reader for the part of YAML that plans are written in, which builds the same {@link YNode} tree
 * that Jackson's parser gives {@link YamlTree}, at a fraction of the start-up cost: setting up
 * Jackson and SnakeYAML and running them for the first time, in the interpreter, took about half
 * of a {@code kplan validate} of one plan.
 *
 * <p>It reads block mappings with plain keys, block lists, flow lists and flow mappings that end on
 * their line, plain, single- and double-quoted scalars (with the escapes
 * {@code \\ \" \/ \t \n \\uXXXX}; in block collections also over more-indented lines), literal
 * and folded block scalars ({@code |}, {@code >}, clipped or stripped with {@code -}) whose lines
 * share one indentation, comments, blank lines, a leading {@code ---} and Windows line ends. Plain
 * scalars are typed as the YAML 1.2 JSON schema types them, which is what Jackson's parser uses:
 * {@code null} and nothing are null, {@code true} and {@code false} booleans,
 * {@code -?(0|[1-9][0-9]*)} integers, and {@code -?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?},
 * {@code -?.inf} and {@code .nan} floats.
 *
 * <p>Anything else gives up ({@link #parse} returns null) and {@link YamlTree} reads the text with
 * Jackson: tabs, lone carriage returns, other document markers and directives, anchors, aliases,
 * tags, other block scalars, flow collections over several lines, complex keys, other escapes
 * (an escaped line break among them), and every error, including duplicate keys and keys or values too long or
 * too deep. Errors and their messages are therefore always Jackson's. {@code FastYamlTest} holds
 * this reader to Jackson's tree on every plan, template and test file in the repository and on
 * many thousands of generated variations.
 */
final class FastYaml {
  /** Thrown to give up; preallocated and without a stack trace, since giving up is not an error. */
  private static final class Unhandled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unhandled() {
      super(null, null, false, false);
    }
  }

  private static final Unhandled UNHANDLED = new Unhandled();

  /** Deeper than this goes to Jackson, which enforces {@link YamlTree#MAX_DEPTH}. */
  private static final int MAX_DEPTH = YamlTree.MAX_DEPTH - 4;
  /** Longer keys go to Jackson, which refuses keys of more than 1,000 characters. */
  private static final int MAX_KEY = 1_000;

  private final String file;
  /** The text with a line break appended, so that every look-ahead of one character stays inside. */
  private final char[] s;
  /** The length of the text, without the appended line break. */
  private final int n;
  /** Whether the text has surrogate pairs: columns count code points, as SnakeYAML does. */
  private final boolean pairs;
  private int i;
  /** Before the first content line, where one "---" may start the document. */
  private boolean documentStart;
  private int line = 1;
  private int lineStart;

  private FastYaml(String file, char[] s, int n, boolean pairs) {
    this.file = file;
    this.s = s;
    this.n = n;
    this.pairs = pairs;
  }

  /** The tree of {@code text}, or null when the text is not in the subset read here. */
  static YMap parse(String file, String text) {
    if (text.indexOf('\r') >= 0) {
      // Windows line ends: YAML reads "\r\n" as one line break, inside scalars too, and a '\r' can
      // only end a line, so columns do not change; a '\r' alone goes to Jackson
      text = text.replace("\r\n", "\n");
      if (text.indexOf('\r') >= 0) return null;
    }
    int n = text.length();
    char[] s = new char[n + 1];
    text.getChars(0, n, s, 0);
    s[n] = '\n';
    boolean pairs = false;
    for (int k = 0; k < n; k++) {
      char c = s[k];
      if (c >= 0x20 && c < 0x7F || c == '\n') continue;
      if (c < 0x20 || c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) return null;
      if (Character.isSurrogate(c)) {
        // only whole pairs (YamlTree refuses half pairs before this runs; this reader does not rely on it)
        if (!Character.isHighSurrogate(c) || k + 1 >= n || !Character.isLowSurrogate(s[k + 1])) return null;
        k++;
        pairs = true;
      }
    }
    FastYaml y = new FastYaml(file, s, n, pairs);
    try {
      y.documentStart = true;
      int indent = y.skipToContent();
      y.documentStart = false;
      if (indent != 0) return null; // nothing, or an indented top level
      YMap root = y.blockMap(0, 1);
      return y.i >= n ? root : null;
    } catch (Unhandled e) {
      return null;
    }
  }

  // ---- lines ----

  /**
   * From the start of a line, skips blank and comment lines; leaves {@link #i} at the first
   * character of the next line with content and returns its indentation, or -1 at the end.
   */
  private int skipToContent() {
    while (true) {
      if (i >= n) return -1;
      int j = i;
      while (s[j] == ' ') j++;
      char c = s[j];
      if (c == '\n' || c == '#') {
        while (s[j] != '\n') j++;
        if (j >= n) {
          i = n;
          return -1;
        }
        i = j + 1;
        line++;
        lineStart = i;
        continue;
      }
      int indent = j - i;
      if (indent == 0 && (c == '-' && s[j + 1] == '-' && s[j + 2] == '-' || c == '.' && s[j + 1] == '.' && s[j + 2] == '.' || c == '%')) {
        // "---" alone (or with a comment) before the content starts the one document; any other
        // marker or directive goes to Jackson
        if (!documentStart || c != '-' || (s[j + 3] != ' ' && s[j + 3] != '\n')) throw UNHANDLED;
        documentStart = false;
        i = j + 3;
        endLine();
        continue;
      }
      i = j;
      return indent;
    }
  }

  /** After a value: spaces, perhaps a comment, then the end of the line, which is passed. */
  private void endLine() {
    while (s[i] == ' ') i++;
    if (s[i] == '#') {
      if (s[i - 1] != ' ') throw UNHANDLED;
      while (s[i] != '\n') i++;
    }
    if (s[i] != '\n') throw UNHANDLED;
    if (i < n) {
      i++;
      line++;
      lineStart = i;
    }
  }

  /** The indentation of the line {@link #i} is on, where {@link #skipToContent} left it; -1 at the end. */
  private int indentHere() {
    return i >= n ? -1 : i - lineStart;
  }

  private void skipSpaces() {
    while (s[i] == ' ') i++;
  }

  /** A block list entry: a dash followed by a space or the end of the line. */
  private boolean dashAt(int at) {
    return s[at] == '-' && (s[at + 1] == ' ' || s[at + 1] == '\n');
  }

  private Pos pos(int at) {
    return new Pos(file, line, column(at));
  }

  /** For {@link #column} with surrogate pairs: the line start, position and count of low surrogates counted so far. */
  private int pairsLine = -1, pairsAt, pairsSeen;

  /**
   * The 1-based column of {@code at} on the current line, in code points. Nodes on a line are
   * visited left to right, so the low surrogates before {@code at} are counted on from the last
   * call: a long line of emoji stays linear.
   */
  private int column(int at) {
    int c = at - lineStart + 1;
    if (!pairs) return c;
    if (pairsLine != lineStart || at < pairsAt) {
      pairsLine = lineStart;
      pairsAt = lineStart;
      pairsSeen = 0;
    }
    for (; pairsAt < at; pairsAt++) {
      if (Character.isLowSurrogate(s[pairsAt])) pairsSeen++;
    }
    return c - pairsSeen;
  }

  // ---- block collections ----

  /** A block mapping whose first key is at {@link #i}, in column {@code indent} (0-based). */
  private YMap blockMap(int indent, int depth) {
    if (depth > MAX_DEPTH) throw UNHANDLED;
    Pos at = pos(i);
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (true) {
      Pos keyPos = pos(i);
      String key = blockKey();
      YNode value = blockValue(indent, depth);
      if (entries.putIfAbsent(key, new Entry(key, keyPos, value)) != null) throw UNHANDLED; // Jackson reports it
      int next = indentHere();
      if (next < indent) break;
      if (next > indent) throw UNHANDLED;
      if (dashAt(i)) break; // a list at this indentation belongs to the mapping above
    }
    return new YMap(at, entries);
  }

  /** A plain or quoted key on one line, up to the {@code :} that follows it, where it leaves {@link #i}. */
  private String blockKey() {
    int start = i;
    if (s[start] == '"' || s[start] == '\'') {
      YScalar k = quotedScalar(-1);
      // SnakeYAML gives up on a key longer than 1,024 characters as written; over 1,000 goes to Jackson
      if (i - start > MAX_KEY || s[i] != ':' || (s[i + 1] != ' ' && s[i + 1] != '\n')) throw UNHANDLED;
      i++;
      return k.text();
    }
    if (indicator(s[start])) throw UNHANDLED; // complex, flow or other special keys
    int j = start;
    while (true) {
      char c = s[j];
      if (c == ':' && (s[j + 1] == ' ' || s[j + 1] == '\n')) break;
      if (c == '\n' || c == '#' && s[j - 1] == ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') throw UNHANDLED;
      j++;
    }
    if (s[j - 1] == ' ' || j - start > MAX_KEY) throw UNHANDLED;
    i = j + 1;
    return new String(s, start, j - start);
  }

  /**
   * The value after a block key's {@code :} (at {@link #i}), of the mapping at {@code indent}:
   * on the same line, or a block collection on the lines below, or nothing. Leaves {@link #i} at
   * the next line with content.
   */
  private YNode blockValue(int indent, int depth) {
    int afterColon = i;
    skipSpaces();
    if (s[i] == '\n' || s[i] == '#') {
      int valueLine = line, valueColumn = column(afterColon);
      endLine();
      int next = skipToContent();
      if (next > indent) return dashAt(i) ? blockSeq(next, depth + 1) : blockMap(next, depth + 1);
      if (next == indent && dashAt(i)) return blockSeq(next, depth + 1);
      return new YScalar(new Pos(file, valueLine, valueColumn), "", ScalarType.NULL);
    }
    YNode v = value(indent, depth + 1);
    if (skipToContent() > indent) throw UNHANDLED; // a scalar continued on the next line, or bad indentation
    return v;
  }

  /** A block list whose first dash is at {@link #i}, in column {@code indent}. */
  private YList blockSeq(int indent, int depth) {
    if (depth > MAX_DEPTH) throw UNHANDLED;
    Pos at = pos(i);
    List<YNode> items = new ArrayList<>();
    while (true) {
      int dashLine = line, dashColumn = column(i);
      i++;
      skipSpaces();
      if (s[i] == '\n' || s[i] == '#') {
        endLine();
        int next = skipToContent();
        if (next > indent) {
          items.add(dashAt(i) ? blockSeq(next, depth + 1) : blockMap(next, depth + 1));
        } else {
          items.add(new YScalar(new Pos(file, dashLine, dashColumn + 1), "", ScalarType.NULL));
        }
      } else if (dashAt(i)) {
        throw UNHANDLED; // a list in a list on one line
      } else if (keyAhead()) {
        items.add(blockMap(i - lineStart, depth + 1));
      } else {
        items.add(value(indent, depth + 1));
        if (skipToContent() > indent) throw UNHANDLED;
      }
      int next = indentHere();
      if (next < indent) break;
      if (next > indent) throw UNHANDLED;
      if (!dashAt(i)) break; // a key of the mapping this list is the value of
    }
    return new YList(at, items);
  }

  /** Whether a plain or quoted key and its {@code :} start at {@link #i} (a mapping inside a list entry). */
  private boolean keyAhead() {
    char q = s[i];
    if (q == '"' || q == '\'') {
      // the closing quote on this line (a doubled '' or an escaped \" does not close), then ':'
      for (int j = i + 1; s[j] != '\n'; j++) {
        if (q == '"' && s[j] == '\\') {
          if (s[j + 1] == '\n') return false; // at the end of the line (or of the text): not a key here
          j++;
          continue;
        }
        if (s[j] == q) {
          if (q == '\'' && s[j + 1] == '\'') {
            j++;
            continue;
          }
          return s[j + 1] == ':' && (s[j + 2] == ' ' || s[j + 2] == '\n');
        }
      }
      return false;
    }
    if (indicator(q)) return false;
    for (int j = i; ; j++) {
      char c = s[j];
      if (c == '\n' || c == '#' && s[j - 1] == ' ') return false;
      if (c == ':' && (s[j + 1] == ' ' || s[j + 1] == '\n')) return true;
    }
  }

  /** Characters that cannot start a plain key or scalar, or that this reader leaves to Jackson there. */
  private static boolean indicator(char c) {
    switch (c) {
      case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
      case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`': case ' ': case '\n':
        return true;
      default:
        return false;
    }
  }

  // ---- values ----

  /**
   * A value that starts at {@link #i} on a line that belongs to a collection at {@code indent}: a
   * block scalar, or a value on this line followed by the end of the line. Leaves {@link #i} at the
   * start of the next line.
   */
  private YNode value(int indent, int depth) {
    char c = s[i];
    if (c == '|' || c == '>') return blockScalar(indent);
    YNode v = c == '"' || c == '\'' ? quotedScalar(indent) : c == '[' || c == '{' ? flowNode(depth) : plainLines(indent);
    endLine();
    return v;
  }

  /**
   * A plain scalar in a block collection at {@code parentIndent}, continued on the lines below
   * that are indented more: its lines are joined by a space, and each blank line between them
   * becomes a line break. A continuation line that starts with an indicator or holds ": " goes to
   * Jackson. Leaves {@link #i} after the last line's text, on that line.
   */
  private YScalar plainLines(int parentIndent) {
    int start = i, startLine = line;
    YScalar first = plain(false);
    if (s[i] == '#' || s[skipSpacesFrom(i)] != '\n' || i >= n) return first; // a comment ends it
    StringBuilder b = null;
    int p = skipSpacesFrom(i) + 1, blanks = 0;
    while (p < n) {
      int q = skipSpacesFrom(p);
      if (s[q] == '\n') {
        if (q >= n) break;
        blanks++;
        p = q + 1;
        continue;
      }
      if (q - p <= parentIndent || s[q] == '#') break; // not a continuation (a comment line ends the scalar)
      if (indicator(s[q])) throw UNHANDLED;
      int e = q;
      while (s[e] != '\n' && !(s[e] == '#' && s[e - 1] == ' ')) {
        if (s[e] == ':' && (s[e + 1] == ' ' || s[e + 1] == '\n')) throw UNHANDLED;
        e++;
      }
      int end = e;
      while (s[end - 1] == ' ') end--;
      if (b == null) b = new StringBuilder().append(first.text().isEmpty() ? new String(s, start, i - start) : first.text());
      if (blanks == 0) b.append(' ');
      for (int k = 0; k < blanks; k++) b.append('\n');
      b.append(s, q, end - q);
      if (b.length() > YamlTree.MAX_STRING) throw UNHANDLED;
      blanks = 0;
      // this line is now the current one; the next starts after its line break
      for (int k = lineStart; k < p; k++) if (s[k] == '\n') line++;
      lineStart = p;
      i = end;
      if (s[e] == '#') break; // a comment ends the scalar
      p = e + 1;
    }
    if (b == null) return first;
    String text = b.toString();
    ScalarType type = type(text);
    return new YScalar(new Pos(file, startLine, first.pos().column()), type == ScalarType.NULL ? "" : text, type);
  }

  private int skipSpacesFrom(int at) {
    while (s[at] == ' ') at++;
    return at;
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar, clipped or stripped ({@code -}),
   * whose lines all have the indentation of its first: more-indented lines, blank lines before the
   * first or with spaces beyond the indentation, kept final line breaks ({@code +}) and explicit
   * indentation go to Jackson.
   */
  private YScalar blockScalar(int parentIndent) {
    Pos at = pos(i);
    boolean folded = s[i] == '>';
    i++;
    boolean strip = s[i] == '-';
    if (strip) i++;
    if (s[i] != ' ' && s[i] != '\n') throw UNHANDLED; // '+', an indentation digit, or text
    endLine();
    if (i >= n) throw UNHANDLED;
    int j = i;
    while (s[j] == ' ') j++;
    int contentIndent = j - i;
    if (s[j] == '\n' || contentIndent <= parentIndent) throw UNHANDLED; // empty, or begins with a blank line
    StringBuilder b = new StringBuilder();
    int blanks = 0;
    boolean first = true;
    while (i < n) {
      j = i;
      while (s[j] == ' ') j++;
      int ind = j - i;
      if (s[j] == '\n') {
        if (ind > contentIndent || j >= n) throw UNHANDLED; // spaces that are content, or no final line break
        blanks++;
        i = j + 1;
        line++;
        lineStart = i;
        continue;
      }
      if (ind < contentIndent) break; // the scalar has ended; this line belongs to what follows
      if (ind > contentIndent) throw UNHANDLED;
      int e = j;
      while (s[e] != '\n') e++;
      if (e >= n) throw UNHANDLED; // the last line of the file, without a line break
      if (!first) {
        if (folded && blanks == 0) b.append(' ');
        for (int k = folded ? 0 : -1; k < blanks; k++) b.append('\n');
      }
      b.append(s, j, e - j);
      first = false;
      blanks = 0;
      i = e + 1;
      line++;
      lineStart = i;
    }
    if (!strip) b.append('\n');
    if (b.length() > YamlTree.MAX_STRING) throw UNHANDLED;
    return new YScalar(at, b.toString(), ScalarType.STRING);
  }


  /** A plain scalar, in block context or (when {@code flow}) inside a flow collection. */
  private YScalar plain(boolean flow) {
    int start = i;
    char c = s[start];
    if (indicator(c)) {
      // '-', '?' and ':' may start a plain scalar when a character that is not a space follows
      if (c != '-' && c != '?' && c != ':') throw UNHANDLED;
      char d = s[start + 1];
      if (d == ' ' || d == '\n' || flow && flowIndicator(d)) throw UNHANDLED;
    }
    int j = start;
    while (true) {
      c = s[j];
      if (c == '\n') break;
      if (c == '#' && s[j - 1] == ' ') {
        if (flow) throw UNHANDLED;
        break;
      }
      if (c == ':') {
        if (flow) break;
        if (s[j + 1] == ' ' || s[j + 1] == '\n') throw UNHANDLED; // "a: b: c"
      }
      if (flow && flowIndicator(c)) break;
      j++;
    }
    int end = j;
    while (end > start && s[end - 1] == ' ') end--;
    if (end == start || end - start > YamlTree.MAX_STRING) throw UNHANDLED;
    i = end; // in a flow collection, a ':' here is a key's (the caller checks) or left to Jackson
    String text = new String(s, start, end - start);
    ScalarType type = type(text);
    return new YScalar(pos(start), type == ScalarType.NULL ? "" : text, type);
  }

  /** The value of an ASCII hexadecimal digit. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw UNHANDLED;
  }

  private static boolean flowIndicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  /**
   * A single- or double-quoted scalar at {@link #i} ({@code ''} is a quote in the first; the second
   * takes the escapes {@code \\ \" \/ \t \n \\uXXXX}). With {@code parentIndent} -1 it ends on its
   * line (as a key, and inside flow collections). As a value in a block collection at
   * {@code parentIndent} it may go on over lines indented more, folded as YAML folds them: the
   * spaces around a line break go, one break becomes a space, and each blank line a line break.
   * An escaped line break, or a line not indented more, goes to Jackson.
   */
  private YScalar quotedScalar(int parentIndent) {
    int start = i;
    char q = s[start];
    Pos at = pos(start);
    // the usual case: one line, nothing to unescape
    int j = start + 1;
    while (s[j] != q && s[j] != '\n' && !(q == '"' && s[j] == '\\')) j++;
    if (s[j] == q && !(q == '\'' && s[j + 1] == '\'')) {
      if (j - start - 1 > YamlTree.MAX_STRING) throw UNHANDLED;
      i = j + 1;
      return new YScalar(at, new String(s, start + 1, j - start - 1), ScalarType.STRING);
    }
    StringBuilder b = new StringBuilder();
    int kept = 0; // b's length up to its last escaped character, which folding must not trim
    j = start + 1;
    while (true) {
      char c = s[j];
      if (c == q) {
        if (q == '\'' && s[j + 1] == '\'') {
          b.append('\'');
          j += 2;
          continue;
        }
        break;
      }
      if (c == '\n') {
        if (parentIndent < 0 || j >= n) throw UNHANDLED;
        int len = b.length();
        while (len > kept && b.charAt(len - 1) == ' ') len--;
        b.setLength(len);
        int p = j + 1, blanks = 0, t;
        while (s[t = skipSpacesFrom(p)] == '\n') {
          if (t >= n) throw UNHANDLED; // the text ends inside the quotes
          blanks++;
          p = t + 1;
        }
        if (t - p <= parentIndent) throw UNHANDLED;
        if (blanks == 0) b.append(' ');
        for (int k = 0; k < blanks; k++) b.append('\n');
        line += 1 + blanks;
        lineStart = p;
        j = t;
        continue;
      }
      if (c == '\\' && q == '"') {
        char e = s[j + 1];
        switch (e) {
          case '\\': case '"': case '/':
            b.append(e);
            j += 2;
            break;
          case 't':
            b.append('\t');
            j += 2;
            break;
          case 'n':
            b.append('\n');
            j += 2;
            break;
          case 'u': {
            int v = 0;
            for (int k = j + 2; k < j + 6; k++) {
              v = v * 16 + hex(s[k]);
            }
            char u = (char) v;
            if (u < 0x20 && u != '\t' && u != '\n' || u >= 0x7F && u <= 0x9F || Character.isSurrogate(u) || u >= 0xFFFE) throw UNHANDLED;
            b.append(u);
            j += 6;
            break;
          }
          default:
            throw UNHANDLED; // other escapes, and an escaped line break
        }
        kept = b.length();
        continue;
      }
      b.append(c);
      j++;
    }
    if (b.length() > YamlTree.MAX_STRING) throw UNHANDLED;
    i = j + 1;
    return new YScalar(at, b.toString(), ScalarType.STRING);
  }

  /** {@code [a, b]} on one line. */
  private YList flowSeq(int depth) {
    if (depth > MAX_DEPTH) throw UNHANDLED;
    Pos at = pos(i);
    i++;
    List<YNode> items = new ArrayList<>();
    skipSpaces();
    if (s[i] == ']') {
      i++;
      return new YList(at, items);
    }
    do {
      items.add(flowNode(depth + 1));
    } while (moreItems(']'));
    return new YList(at, items);
  }

  /**
   * After an item of a flow collection that ends with {@code close}: true after a ',' (another
   * item follows), false after {@code close}; anything else, or a trailing comma, goes to Jackson.
   */
  private boolean moreItems(char close) {
    skipSpaces();
    if (s[i] == ',') {
      i++;
      skipSpaces();
      if (s[i] == close) throw UNHANDLED;
      return true;
    }
    if (s[i] != close) throw UNHANDLED;
    i++;
    return false;
  }

  /** {@code {k: v, k: v}} on one line. */
  private YMap flowMap(int depth) {
    if (depth > MAX_DEPTH) throw UNHANDLED;
    Pos at = pos(i);
    i++;
    Map<String, Entry> entries = new LinkedHashMap<>();
    skipSpaces();
    if (s[i] == '}') {
      i++;
      return new YMap(at, entries);
    }
    while (true) {
      char c = s[i];
      int keyStart = i;
      YScalar k = c == '"' || c == '\'' ? quotedScalar(-1) : plain(true);
      String key = k.text();
      // SnakeYAML gives up on a key longer than 1,024 characters as written, escapes and quotes
      // included; over 1,000 goes to Jackson
      if (k.type() == ScalarType.NULL || i - keyStart > MAX_KEY) throw UNHANDLED;
      if (s[i] != ':' || s[i + 1] != ' ') throw UNHANDLED;
      i += 2;
      skipSpaces();
      YNode value = flowNode(depth + 1);
      if (entries.putIfAbsent(key, new Entry(key, k.pos(), value)) != null) throw UNHANDLED;
      if (!moreItems('}')) return new YMap(at, entries);
    }
  }

  /** A flow collection or a quoted scalar at {@link #i}, or (inside a flow collection) a plain scalar. */
  private YNode flowNode(int depth) {
    switch (s[i]) {
      case '[':
        return flowSeq(depth);
      case '{':
        return flowMap(depth);
      case '"':
      case '\'':
        return quotedScalar(-1);
      default:
        YScalar v = plain(true);
        if (s[i] == ':') throw UNHANDLED; // a single-pair mapping in a list, or a ':' in a value
        return v;
    }
  }

  // ---- typing ----

  /** How the YAML 1.2 JSON schema types a plain scalar (quoted scalars are strings). */
  static ScalarType type(String t) {
    int len = t.length();
    if (len == 0) return ScalarType.NULL;
    switch (t.charAt(0)) {
      case 'n':
        return t.equals("null") ? ScalarType.NULL : ScalarType.STRING;
      case 't':
        return t.equals("true") ? ScalarType.BOOL : ScalarType.STRING;
      case 'f':
        return t.equals("false") ? ScalarType.BOOL : ScalarType.STRING;
      case '.':
        return t.equals(".inf") || t.equals(".nan") ? ScalarType.FLOAT : ScalarType.STRING;
      case '-':
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return number(t);
      default:
        return ScalarType.STRING;
    }
  }

  /** {@code -?(0|[1-9][0-9]*)} is an integer; with {@code (\.[0-9]*)?([eE][-+]?[0-9]+)?}, or {@code -.inf}, a float. */
  private static ScalarType number(String t) {
    int len = t.length(), k = 0;
    if (t.charAt(0) == '-') {
      k = 1;
      if (t.equals("-.inf")) return ScalarType.FLOAT;
    }
    if (k >= len) return ScalarType.STRING;
    char c = t.charAt(k);
    if (c == '0') {
      k++;
    } else if (c >= '1' && c <= '9') {
      while (k < len && isDigit(t.charAt(k))) k++;
    } else {
      return ScalarType.STRING;
    }
    if (k == len) return ScalarType.INT;
    if (t.charAt(k) == '.') {
      k++;
      while (k < len && isDigit(t.charAt(k))) k++;
    }
    if (k < len && (t.charAt(k) == 'e' || t.charAt(k) == 'E')) {
      k++;
      if (k < len && (t.charAt(k) == '+' || t.charAt(k) == '-')) k++;
      int digits = k;
      while (k < len && isDigit(t.charAt(k))) k++;
      if (k == digits) return ScalarType.STRING;
    }
    return k == len ? ScalarType.FLOAT : ScalarType.STRING;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
