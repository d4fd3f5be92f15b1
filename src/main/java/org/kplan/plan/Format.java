package org.kplan.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The shape of the plan format: sections of fields, each with a type and a description. One
 * instance of it, {@link Vocabulary#PLAN}, is the single source for the loader's key checks and
 * for the JSON Schema ({@code kplan schema}). Types are as YAML writes them, so a schema validator
 * sees what the loader sees; the loader still checks more than a schema can (real dates, known
 * time zones, references between sections).
 */
public final class Format {
  private Format() {}

  /** When a field must be given. */
  public enum Need {
    /** Optional. */
    OPTIONAL,
    /**
     * Required wherever its section is given. In a section that a plan may merge over a template
     * (any mapping not inside a list), required only in a file that does not {@code extends} one.
     */
    ALWAYS,
    /** Required in a complete plan: not in a template ({@code kind: template}), nor a plan that {@code extends} one. */
    PLAN
  }

  /** One key of a section. */
  public record Field(String name, Type type, Need need, String description) {}

  /** A value type. */
  public sealed interface Type permits Section, MapOf, AnyMap, ListOf, Text, Whole, Decimal, Either {}

  /**
   * A mapping with a closed set of keys. {@code oneOf} lists groups of keys of which exactly one
   * must be given (a dose is {@code mgPerKg} or {@code mg}).
   */
  public record Section(String title, List<Field> fields, List<List<String>> oneOf) implements Type {
    public Section {
      fields = List.copyOf(fields);
      oneOf = List.copyOf(oneOf);
    }

    /** The keys, in the order the format documents them. */
    public List<String> keys() {
      List<String> out = new ArrayList<>(fields.size());
      for (Field f : fields) out.add(f.name());
      return Collections.unmodifiableList(out);
    }

    public Field field(String name) {
      for (Field f : fields) if (f.name().equals(name)) return f;
      throw new NoSuchElementException("No value present");
    }
  }

  /** A mapping whose keys follow {@code keyPattern}, all with values of one type (clinic hours). */
  public record MapOf(String keyPattern, String keyDescription, Type values) implements Type {}

  /** A mapping the plan format does not constrain (read by another part of kplan, such as the rule profile). */
  public record AnyMap(String description) implements Type {}

  /** A list; with {@code orSingle}, one item may also be written without the list. */
  public record ListOf(Type item, boolean orSingle) implements Type {}

  /**
   * Text. {@code def} names it in the schema's {@code $defs} when it is shared; {@code values} is
   * a closed vocabulary; {@code pattern} an ECMA-262 regular expression for its form.
   */
  public record Text(String def, String description, List<String> values, String pattern, String format, List<String> examples) implements Type {
    public Text {
      values = values == null ? List.of() : List.copyOf(values);
      examples = examples == null ? List.of() : List.copyOf(examples);
    }
  }

  /** A whole number from {@code min} to {@code max}. */
  public record Whole(int min, int max) implements Type {}

  /** A decimal number from {@code min} to {@code max} (written as in the plan). */
  public record Decimal(String min, String max) implements Type {}

  /** One of several types (a recurrence is a word, a duration, or a list of weekdays). */
  public record Either(String def, String description, List<Type> types) implements Type {
    public Either {
      types = List.copyOf(types);
    }
  }
}
