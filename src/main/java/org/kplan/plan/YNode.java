package org.kplan.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node with the position where it starts. The loader keeps these so every finding has a place. */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
  Pos pos();

  /** What a user would call this node's type, for messages. */
  String describe();

  /** How YAML 1.2 typed a scalar. */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** A scalar: its text as written (without quotes) and how YAML typed it. */
  record YScalar(Pos pos, String text, ScalarType type) implements YNode {
    public boolean isNull() {
      return type == ScalarType.NULL;
    }

    @Override
    public String describe() {
      return switch (type) {
        case NULL -> "nothing";
        case STRING -> "\"" + text + "\"";
        default -> text;
      };
    }
  }

  record YList(Pos pos, List<YNode> items) implements YNode {
    public YList {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A mapping: keys in source order, each with its own position. */
  record YMap(Pos pos, Map<String, Entry> entries) implements YNode {
    public YMap {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Entry(String key, Pos keyPos, YNode value) {}
}
