package org.kplan.plan;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kplan.plan.YNode.Entry;
import org.kplan.plan.YNode.ScalarType;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into a {@link YNode} tree that keeps the position of every key and value. Uses
 * Jackson's streaming YAML parser (YAML 1.2 typing: {@code no} and {@code 0123} stay strings).
 * Duplicate keys and aliases are refused; nesting depth and string length are bounded.
 */
public final class YamlTree {
  /** Largest plan file accepted, in bytes. */
  public static final int MAX_BYTES = 1 << 20;
  /** Deepest nesting of mappings and lists accepted. */
  public static final int MAX_DEPTH = 32;
  /** Longest single scalar accepted, in characters. */
  public static final int MAX_STRING = 10_000;

  /** Jackson's parser, set up only when {@link FastYaml} leaves a text to it. */
  private static final class Jackson {
    static final YAMLFactory FACTORY =
        YAMLFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING * 4)
                    .maxNameLength(1_000)
                    .maxDocumentLength(MAX_BYTES * 2L)
                    .build())
            .build();
    /** The parser's mark in its messages: "in reader, line 8, column 1". */
    static final java.util.regex.Pattern READER_MARK = java.util.regex.Pattern.compile("in reader, line (\\d+), column (\\d+)");
    static final java.util.regex.Pattern LENGTH =
        java.util.regex.Pattern.compile("(String value|Name) length \\((\\d+)\\) exceeds the maximum allowed");
  }

  private final String file;
  private final List<Finding> problems = new ArrayList<>();
  /** The last node read: where a parser error without a location happened, or near it. */
  private Pos last;

  private YamlTree(String file) {
    this.file = file;
  }

  /** Parses {@code text} (from {@code file}, for positions). Duplicate keys are collected and reported together. */
  public static YMap parse(String file, String text) throws InputException {
    return parse(file, text, true);
  }

  /** As {@link #parse(String, String)}, with Jackson alone when not {@code fast}: tests compare the two. */
  static YMap parse(String file, String text, boolean fast) throws InputException {
    YamlTree t = new YamlTree(file);
    YMap root = t.read(text, fast);
    if (!t.problems.isEmpty()) throw new InputException(t.problems);
    return root;
  }

  private YMap read(String text, boolean tryFast) throws InputException {
    if (text.indexOf('\0') >= 0) {
      throw new InputException(Pos.of(file), "this is a binary file, not a YAML plan");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    unprintable(text);
    YMap fast = tryFast ? fast(file, text) : null;
    if (fast != null) return fast;
    try (Reader r = new PairSafeReader(text);
        JsonParser p = Jackson.FACTORY.createParser(ObjectReadContext.empty(), r)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new InputException(new Pos(file, 1, 1), "the file has no YAML content (empty or only comments); expected a plan");
      }
      YNode root = node(p, t, 1);
      if (!(root instanceof YMap map)) {
        throw new InputException(root.pos(), "expected a mapping of plan keys (version, kind, id, ...) at the top level, found " + root.describe());
      }
      JsonToken next = p.nextToken();
      if (next != null) {
        throw new InputException(pos(p.currentTokenLocation()), "a second YAML document ('---') is not allowed; a plan file holds one plan");
      }
      return map;
    } catch (JacksonException e) {
      throw new InputException(syntaxPos(e), "YAML syntax: " + cleanMessage(e));
    } catch (java.io.IOException e) {
      throw new InputException(Pos.of(file), "cannot read: " + e.getMessage());
    }
  }

  /** {@link FastYaml}'s tree, or null to read with Jackson; a fault in it falls back to Jackson too. */
  private static YMap fast(String file, String text) {
    try {
      return FastYaml.parse(file, text);
    } catch (RuntimeException e) {
      return null; // FastYamlTest calls FastYaml directly, so a fault there fails the tests
    }
  }

  private YNode node(JsonParser p, JsonToken t, int depth) throws InputException {
    Pos at = pos(p.currentTokenLocation());
    last = at;
    if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
      throw new InputException(at, "YAML aliases (*name) are not allowed in plans; use `extends:` to share settings");
    }
    String tag = p instanceof YAMLParser yp ? yp.getTypeId() : null;
    boolean tagged = tag != null;
    if (tagged) {
      // tags are never used to build objects; refusing them says so instead of silently dropping them
      problems.add(new Finding(Codes.PLN_SYNTAX, Severity.ERROR,
          "YAML tags such as " + shortTag(tag) + " are not allowed in plans; remove the tag", at, null));
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          Pos keyPos = pos(p.currentTokenLocation());
          controls(key, keyPos, "a key");
          JsonToken vt = p.nextToken();
          YNode value = node(p, vt, depth + 1);
          Entry prev = entries.get(key);
          if (prev != null) {
            problems.add(new Finding(Codes.PLN_DUPLICATE_KEY, Severity.ERROR,
                "duplicate key `" + key + "` (first given at line " + prev.keyPos().line() + ")", keyPos, null));
          } else {
            entries.put(key, new Entry(key, keyPos, value));
          }
        }
        return new YMap(at, entries);
      }
      case START_ARRAY: {
        List<YNode> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, t, depth + 1));
        }
        return new YList(at, items);
      }
      case VALUE_NULL:
        return new YScalar(at, "", ScalarType.NULL);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YScalar(at, p.getString(), ScalarType.BOOL);
      case VALUE_NUMBER_INT:
        return new YScalar(at, p.getString(), ScalarType.INT);
      case VALUE_NUMBER_FLOAT:
        return new YScalar(at, p.getString(), ScalarType.FLOAT);
      case VALUE_STRING: {
        String s = p.getString();
        if (s.length() > MAX_STRING) {
          throw new InputException(at, "a value of " + s.length() + " characters is longer than the " + MAX_STRING + " allowed");
        }
        controls(s, at, "a value");
        return new YScalar(at, s, ScalarType.STRING);
      }
      default:
        // a tagged value (!!binary) was reported above; anything else is a parser surprise
        if (tagged) return new YScalar(at, "", ScalarType.NULL);
        throw new InputException(at, "unexpected YAML content (" + t + ")");
    }
  }

  /**
   * Refuses control characters (other than tab and line breaks) that YAML escapes such as
   * {@code "\e"} or {@code "\x00"} can put into a value: a plan is text for people, and such
   * characters only serve to drive terminals or hide text in outputs.
   */
  private void controls(String s, Pos at, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) continue; // printable ASCII: the common case, no table lookup
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        problems.add(new Finding(Codes.PLN_BAD_VALUE, Severity.ERROR,
            what + " contains the control character U+" + String.format("%04X", (int) c) + "; plans are plain text", at, null));
        return;
      }
    }
  }

  /** {@code tag:yaml.org,2002:binary} as {@code !!binary}, a local tag as {@code !name}. */
  private static String shortTag(String tag) {
    String t = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag.startsWith("!") ? tag : "!" + tag;
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  /**
   * Refuses characters that YAML does not allow in a stream (C0 controls other than tab and line
   * breaks, DEL, C1 controls other than NEL, U+FFFE/U+FFFF), with their line and column: the parser
   * itself only says "special characters are not allowed" at the start of the file.
   */
  private void unprintable(String text) throws InputException {
    int line = 1, col = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E) {
        col++; // printable ASCII: allowed, and not a line break
        continue;
      }
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xFFFD);
      if (Character.isSurrogate(c)) {
        ok = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) i++;
      }
      if (!ok) {
        throw new InputException(new Pos(file, line, col),
            "the character U+" + String.format("%04X", (int) c) + " is not allowed in YAML ("
                + (Character.isSurrogate(c) ? "half of a surrogate pair" : "a control character") + "); plans are plain text");
      }
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
  }


  /** Where a syntax error is: the parser's own mark ("in reader, line 8, column 1") when it gives one. */
  private Pos syntaxPos(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m != null) {
      // the last mark is where the parser found the problem (an earlier one is where the construct began)
      java.util.regex.Matcher mk = Jackson.READER_MARK.matcher(m);
      String line = null, col = null;
      while (mk.find()) {
        line = mk.group(1);
        col = mk.group(2);
      }
      if (line != null) {
        try {
          return new Pos(file, Integer.parseInt(line), Math.max(1, Integer.parseInt(col)));
        } catch (NumberFormatException ignored) {
          // fall back to the exception's location
        }
      }
    }
    Pos p = pos(e.getLocation());
    return p.line() == 0 && last != null ? last : p;
  }

  /**
   * Hands the text to the parser in chunks that never end between the two halves of a surrogate
   * pair. snakeyaml-engine 3.0.1 reads into a 1025-char buffer and, when it ends on a high
   * surrogate, reads one more char past the end of that buffer: an emoji whose first half was the
   * 1025th character (or the 2049th ...) of a plan made kplan fail with an internal error. Found by
   * fuzzing (ScheduleFuzzTest); the same upstream bug is known in SnakeYAML 2.3.
   */
  static final class PairSafeReader extends Reader {
    private final String text;
    private int next;

    PairSafeReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      java.util.Objects.checkFromIndexSize(off, len, buf.length);
      if (len == 0) return 0;
      if (next >= text.length()) return -1;
      int n = Math.min(len, text.length() - next);
      // keep a high surrogate for the next call, with its low half, unless it is the only char asked for
      if (n > 1 && next + n < text.length() && Character.isHighSurrogate(text.charAt(next + n - 1))) n--;
      text.getChars(next, next + n, buf, off);
      next += n;
      return n;
    }

    @Override
    public void close() {
      // nothing to release
    }
  }

  private Pos pos(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) return Pos.of(file);
    return new Pos(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }


  /** The parser's message without Jackson's location suffix, on one line. */
  static String cleanMessage(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) m = e.getClass().getSimpleName();
    if (m.contains("(Do not use \\t(TAB) for indentation)") || m.contains("found character '\\t(TAB)'")) {
      return "a tab is used for indentation; YAML indents with spaces only";
    }
    int cut = m.indexOf(" in 'reader'");
    if (cut > 0) m = m.substring(0, cut);
    // the parser's own "in reader, line 8, column 1:" marks with a snippet of the source: the
    // position is reported separately, and the source line is shown by the diagnostics
    m = m.replaceAll("\\n in reader, line \\d+, column \\d+:(\\n[^\\n]*(\\n[ \\t]*\\^)?)?", "\n");
    java.util.regex.Matcher big = Jackson.LENGTH.matcher(m);
    if (big.find()) {
      return (big.group(1).equals("String value") ? "a value of " : "a key of ") + big.group(2)
          + " characters is longer than the " + (big.group(1).equals("String value") ? MAX_STRING : 1000) + " allowed";
    }
    if (m.startsWith("while scanning a simple key")) {
      return "a key is longer than 1024 characters or has no ':' after it on the same line";
    }
    m = m.replaceAll("\\s*\\n\\s*", "; ").replaceAll("\\s+", " ").trim();
    if (m.endsWith(";")) m = m.substring(0, m.length() - 1);
    if (m.startsWith("Expected a property name")) {
      return "a mapping key must be text, not a list or a mapping (YAML complex keys are not used in plans)";
    }
    if (m.contains("Document nesting depth") || m.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    return m;
  }
}
