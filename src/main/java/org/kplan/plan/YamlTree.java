package org.kplan.plan;

import java.io.Reader;
import java.io.StringReader;
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

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_STRING * 4)
                  .maxNameLength(1_000)
                  .maxDocumentLength(MAX_BYTES * 2L)
                  .build())
          .build();

  private final String file;
  private final List<Finding> problems = new ArrayList<>();

  private YamlTree(String file) {
    this.file = file;
  }

  /** Parses {@code text} (from {@code file}, for positions). Duplicate keys are collected and reported together. */
  public static YMap parse(String file, String text) throws InputException {
    YamlTree t = new YamlTree(file);
    YMap root = t.read(text);
    if (!t.problems.isEmpty()) throw new InputException(t.problems);
    return root;
  }

  private YMap read(String text) throws InputException {
    if (text.indexOf('\0') >= 0) {
      throw new InputException(Pos.of(file), "this is a binary file, not a YAML plan");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    try (Reader r = new StringReader(text);
        JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), r)) {
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
      throw new InputException(pos(e.getLocation()), "YAML syntax: " + cleanMessage(e));
    } catch (java.io.IOException e) {
      throw new InputException(Pos.of(file), "cannot read: " + e.getMessage());
    }
  }

  private YNode node(JsonParser p, JsonToken t, int depth) throws InputException {
    Pos at = pos(p.currentTokenLocation());
    if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
      throw new InputException(at, "YAML aliases (*name) are not allowed in plans; use `extends:` to share settings");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          Pos keyPos = pos(p.currentTokenLocation());
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
        return new YScalar(at, s, ScalarType.STRING);
      }
      default:
        throw new InputException(at, "unexpected YAML content (" + t + ")");
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
    int cut = m.indexOf(" in 'reader'");
    if (cut > 0) m = m.substring(0, cut);
    m = m.replaceAll("\\s*\\n\\s*", "; ").replaceAll("\\s+", " ").trim();
    if (m.endsWith(";")) m = m.substring(0, m.length() - 1);
    if (m.contains("Document nesting depth") || m.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    return m;
  }
}
