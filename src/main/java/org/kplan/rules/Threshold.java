package org.kplan.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.YNode;
import org.kplan.plan.YNode.ScalarType;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YScalar;

/**
 * A named, typed default of a rule that a rule profile may change, with the published source
 * of its default value. Instances are constants on the rule classes.
 *
 * @param <T> the value type: {@link PlanDuration}, {@link Integer}, {@link BigDecimal} or a list
 *     of integers
 */
public final class Threshold<T> {
  /** The kinds of values a threshold holds; each knows how to read and write it. */
  public enum Type {
    DURATION("a duration such as 48h, 7d or 2w"),
    INTEGER("a whole number"),
    DECIMAL("a number"),
    INTEGER_LIST("a list of whole numbers such as [28, 56, 84]");

    public final String expected;

    Type(String expected) {
      this.expected = expected;
    }
  }

  private final String name;
  private final Type type;
  private final T defaultValue;
  private final String unit;
  private final String description;
  private final List<Source> sources;
  private final BigDecimal min;
  private final BigDecimal max;
  private String defaultText;

  /** {@code [a-z][A-Za-z0-9]*}, by hand: a regular expression costs start-up time on every run. */
  static boolean isLowerCamel(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') return false;
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
  }

  private Threshold(String name, Type type, T defaultValue, String unit, String description, BigDecimal min, BigDecimal max, Source... sources) {
    if (!isLowerCamel(name)) throw new IllegalArgumentException("threshold names are lowerCamelCase: " + name);
    this.name = name;
    this.type = type;
    this.defaultValue = Objects.requireNonNull(defaultValue);
    this.unit = unit;
    this.description = description;
    this.min = min;
    this.max = max;
    this.sources = List.of(sources);
  }

  /** A duration threshold, default written as in a plan ({@code 48h}). */
  public static Threshold<PlanDuration> duration(String name, String dflt, String description, Source... sources) {
    Threshold<PlanDuration> t = new Threshold<>(name, Type.DURATION, PlanDuration.parse(dflt, false), null, description, null, null, sources);
    t.defaultText = dflt;
    return t;
  }

  /** A whole-number threshold from {@code min} to {@code max}; {@code unit} is for documentation ({@code mg}, {@code years}). */
  public static Threshold<Integer> integer(String name, int dflt, int min, int max, String unit, String description, Source... sources) {
    return new Threshold<>(name, Type.INTEGER, dflt, unit, description, BigDecimal.valueOf(min), BigDecimal.valueOf(max), sources);
  }

  /** A decimal threshold from {@code min} to {@code max}. */
  public static Threshold<BigDecimal> decimal(String name, String dflt, String min, String max, String unit, String description, Source... sources) {
    return new Threshold<>(name, Type.DECIMAL, new BigDecimal(dflt), unit, description, new BigDecimal(min), new BigDecimal(max), sources);
  }

  /** A list of whole numbers, each from {@code min} to {@code max}. */
  public static Threshold<List<Integer>> integers(String name, List<Integer> dflt, int min, int max, String unit, String description, Source... sources) {
    return new Threshold<>(name, Type.INTEGER_LIST, List.copyOf(dflt), unit, description, BigDecimal.valueOf(min), BigDecimal.valueOf(max), sources);
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** Unit for documentation, or null. */
  public String unit() {
    return unit;
  }

  public String description() {
    return description;
  }

  public List<Source> sources() {
    return sources;
  }

  /** The value as a profile would write it: {@code 48h}, {@code 2}, {@code 1.0}, {@code [28, 56, 84]}. */
  public String format(Object value) {
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : l) {
        if (b.length() > 1) b.append(", ");
        b.append(o);
      }
      return b.append(']').toString();
    }
    return String.valueOf(value);
  }

  /** The default as a profile would write it, in the form its source states it ({@code 7d}, not {@code 1w}). */
  public String defaultText() {
    return defaultText != null ? defaultText : format(defaultValue);
  }

  /** The default with its unit, for people: {@code 48h}, {@code 40 mg}, {@code [28, 56, 84] mg}. */
  public String describeDefault() {
    return defaultText() + (unit == null ? "" : " " + unit);
  }

  /**
   * Reads a value for this threshold from a profile node. Throws IllegalArgumentException with a
   * message that says what was expected.
   */
  @SuppressWarnings("unchecked")
  T parse(YNode node) {
    String found = node.describe();
    switch (type) {
      case DURATION -> {
        if (!(node instanceof YScalar s) || s.isNull()) throw new IllegalArgumentException(expected(found));
        try {
          return (T) PlanDuration.parse(s.text(), false);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(e.getMessage() + "; found " + found);
        }
      }
      case INTEGER -> {
        return (T) (Integer) wholeNumber(node, found);
      }
      case DECIMAL -> {
        if (!(node instanceof YScalar s) || (s.type() != ScalarType.INT && s.type() != ScalarType.FLOAT)) {
          throw new IllegalArgumentException(expected(found));
        }
        BigDecimal v;
        try {
          v = new BigDecimal(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(expected(found));
        }
        inRange(v, s.text());
        return (T) v;
      }
      case INTEGER_LIST -> {
        if (!(node instanceof YList l) || l.items().isEmpty()) throw new IllegalArgumentException(expected(found));
        List<Integer> out = new ArrayList<>();
        for (YNode x : l.items()) out.add(wholeNumber(x, x.describe()));
        return (T) List.copyOf(out);
      }
    }
    throw new IllegalStateException(type.toString());
  }

  private int wholeNumber(YNode node, String found) {
    if (!(node instanceof YScalar s) || s.type() != ScalarType.INT) throw new IllegalArgumentException(expected(found));
    BigDecimal v;
    try {
      v = new BigDecimal(s.text().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected(found));
    }
    inRange(v, s.text());
    return v.intValueExact();
  }

  private void inRange(BigDecimal v, String text) {
    if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
      throw new IllegalArgumentException("`" + name + "` must be from " + min.toPlainString() + " to " + max.toPlainString() + ", found " + text);
    }
  }

  private String expected(String found) {
    return "`" + name + "` expects " + type.expected + ", found " + found;
  }

  @Override
  public String toString() {
    return name + "=" + format(defaultValue);
  }
}
