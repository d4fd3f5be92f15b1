package org.kplan.plan;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A roster: one patient per CSV row, each made into a plan that extends one template. The CSV is
 * RFC 4180 (double-quoted cells may hold commas, quotes and line breaks), UTF-8 with or without a
 * byte-order mark, separated by commas (or by semicolons when the header uses them, as some
 * spreadsheet programs do). The first line names the columns:
 *
 * <table>
 *   <caption>Roster columns</caption>
 *   <tr><td>ref</td><td>required</td><td>the patient's pseudonymous reference</td></tr>
 *   <tr><td>start</td><td>required</td><td>first date a dosing session may take place, YYYY-MM-DD</td></tr>
 *   <tr><td>timezone</td><td>required</td><td>IANA time zone such as America/New_York</td></tr>
 *   <tr><td>id</td><td>optional</td><td>the plan id; default: template name and ref</td></tr>
 *   <tr><td>birthDate, guardianConsent, assent</td><td>optional</td><td>dates, YYYY-MM-DD</td></tr>
 *   <tr><td>weightKg</td><td>optional</td><td>a number</td></tr>
 *   <tr><td>initials</td><td>optional</td><td>the patient's initials</td></tr>
 * </table>
 *
 * Header names are matched without regard to case, spaces, '-' and '_'. A header that looks like a
 * misspelt column is an error; other columns (a name, an e-mail address) are ignored and never
 * reach a plan. Each row is turned into plan YAML text (every value quoted, so no cell can add
 * keys) that the caller loads with {@link PlanLoader}, so a row is validated like any plan.
 */
public final class Roster implements Closeable {
  /** Every column kplan reads, in the order plans list them. */
  public static final List<String> COLUMNS = List.of(
      "ref", "id", "initials", "birthDate", "weightKg", "guardianConsent", "assent", "timezone", "start");
  public static final List<String> REQUIRED = List.of("ref", "start", "timezone");

  private static final Pattern NUMBER = Pattern.compile("\\d{1,4}(\\.\\d{1,4})?");
  private static final Pattern PLAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A problem with the whole roster (its header): the caller stops with an input error. */
  public static final class HeaderException extends Exception {
    private static final long serialVersionUID = 1L;

    HeaderException(String message) {
      super(message);
    }
  }

  /**
   * One data row. {@code line} is the line number where its record starts (the header is line 1).
   * {@code problem} is set when the row cannot be read (a quote left open, too many cells).
   */
  public record Row(int line, Map<String, String> cells, String problem) {}

  /**
   * A row made into plan text. {@code columnAtLine} maps each line of {@code yaml} that holds a
   * cell to the column it came from, so that a problem the loader finds on that line can be
   * reported against the column.
   */
  public record RowPlan(String id, String yaml, Map<Integer, String> columnAtLine) {}

  private final BufferedReader in;
  private final String name;
  private final char separator;
  private final List<String> columns = new ArrayList<>(); // column per cell index, null when ignored
  private final List<String> ignored = new ArrayList<>();
  private int line; // lines read so far

  /** Opens a roster and reads its header. */
  public Roster(Reader in, String name) throws IOException, HeaderException {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    this.name = name;
    this.in.mark(1);
    int first = this.in.read();
    if (first != '\uFEFF' && first != -1) this.in.reset();
    String header = peekHeader();
    this.separator = count(header, ';') > count(header, ',') ? ';' : ',';
    Row h = readRecord();
    if (h == null || h.cells().isEmpty()) throw new HeaderException(name + ":1: the roster is empty; its first line must name the columns (" + String.join(", ", COLUMNS) + ")");
    if (h.problem() != null) throw new HeaderException(name + ":1: " + h.problem());
    Map<String, String> canonical = new HashMap<>();
    for (String c : COLUMNS) canonical.put(norm(c), c);
    List<String> seen = new ArrayList<>();
    List<String> cells = new ArrayList<>(h.cells().values());
    for (String raw : cells) {
      String c = canonical.get(norm(raw));
      if (c == null) {
        String near = misspelt(raw);
        if (near != null) {
          throw new HeaderException(name + ":1: unknown column `" + raw.trim() + "`; did you mean `" + near + "`? (columns: " + String.join(", ", COLUMNS) + ")");
        }
        columns.add(null);
        if (!raw.isBlank()) ignored.add(raw.trim());
        continue;
      }
      if (seen.contains(c)) throw new HeaderException(name + ":1: column `" + c + "` is given twice");
      seen.add(c);
      columns.add(c);
    }
    List<String> missing = new ArrayList<>();
    for (String r : REQUIRED) if (!seen.contains(r)) missing.add(r);
    if (!missing.isEmpty()) {
      throw new HeaderException(name + ":1: the roster needs the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + " (columns: " + String.join(", ", COLUMNS) + ")");
    }
  }

  /** Header cells that are not kplan columns; their values are not read. */
  public List<String> ignoredColumns() {
    return List.copyOf(ignored);
  }

  /** The next data row, or null at the end. Blank lines are skipped. */
  public Row next() throws IOException {
    while (true) {
      Row r = readRecord();
      if (r == null) return null;
      if (r.problem() != null) return r;
      if (r.cells().values().stream().allMatch(String::isBlank)) continue;
      if (r.cells().size() > columns.size()) {
        return new Row(r.line(), Map.of(), "the row has " + r.cells().size() + " cells but the header names " + columns.size() + " columns");
      }
      Map<String, String> cells = new LinkedHashMap<>();
      int i = 0;
      for (String v : r.cells().values()) {
        String c = columns.get(i++);
        String t = v.strip();
        if (c != null && !t.isEmpty()) cells.put(c, t);
      }
      return new Row(r.line(), cells, null);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The plan id a row gets when it gives none: the template's name and the ref, as a slug. */
  public static String defaultId(String template, String ref) {
    String t = template.replaceAll(".*/", "").replaceAll("\\.ya?ml$", "");
    String id = Slug.of(t) + "-" + Slug.of(ref);
    if (id.length() > 64) id = id.substring(0, 64).replaceAll("[-.]+$", "");
    return id;
  }

  /**
   * The plan text for a row: {@code extendsRef} is what goes after {@code extends:} (a built-in
   * template name, or a path relative to where the plan will be loaded from). Returns null, with
   * the reason in {@code problems}, when the row lacks a required cell.
   */
  public static RowPlan plan(Row row, String rosterName, String template, String extendsRef, List<String> problems) {
    Map<String, String> c = row.cells();
    for (String r : REQUIRED) {
      if (!c.containsKey(r)) problems.add("`" + r + "` is empty; every row needs " + String.join(", ", REQUIRED));
    }
    if (!problems.isEmpty()) return null;
    String id = c.getOrDefault("id", defaultId(template, c.get("ref")));
    if (!PLAN_ID.matcher(id).matches()) {
      problems.add((c.containsKey("id") ? "`id` \"" + id + "\"" : "the plan id derived from ref, \"" + id + "\",")
          + " is not 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit");
      return null;
    }
    List<String> lines = new ArrayList<>();
    Map<Integer, String> at = new TreeMap<>();
    lines.add("# Generated by kplan calendar from the roster " + oneLine(rosterName) + ": edit the roster, not this file.");
    lines.add("version: 1");
    lines.add("kind: plan");
    if (c.containsKey("id")) at.put(lines.size() + 1, "id");
    lines.add("id: " + quote(id));
    lines.add("extends: " + quote(extendsRef));
    lines.add("patient:");
    at.put(lines.size() + 1, "ref");
    lines.add("  ref: " + quote(c.get("ref")));
    for (String k : List.of("initials", "birthDate", "weightKg", "guardianConsent", "assent")) {
      String v = c.get(k);
      if (v == null) continue;
      at.put(lines.size() + 1, k);
      lines.add("  " + k + ": " + (k.equals("weightKg") && NUMBER.matcher(v).matches() ? v : quote(v)));
    }
    at.put(lines.size() + 1, "timezone");
    lines.add("timezone: " + quote(c.get("timezone")));
    at.put(lines.size() + 1, "start");
    lines.add("start: " + quote(c.get("start")));
    return new RowPlan(id, String.join("\n", lines) + "\n", at);
  }

  /** A YAML double-quoted scalar: nothing in it can end the string or start a key. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (ch < 0x20 || ch == 0x7F || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || Character.isSurrogate(ch) && !validPair(s, i)) {
            b.append(String.format(Locale.ROOT, "\\u%04x", Character.isSurrogate(ch) ? 0xFFFD : (int) ch));
          } else if (Character.isHighSurrogate(ch)) {
            b.append(ch).append(s.charAt(++i));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
  }

  /** The column {@code header} looks like a slip for ("weigth", "birthdate_", "timezon"), or null. */
  static String misspelt(String header) {
    String h = norm(header);
    if (h.length() < 3) return null;
    for (String c : COLUMNS) {
      String n = norm(c);
      int d = Math.min(Suggest.distance(h, n), Suggest.distance(h, n.substring(0, Math.min(h.length(), n.length()))));
      if (d <= Math.max(1, Math.min(h.length(), n.length()) / 4)) return c;
    }
    return null;
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
  }

  private static int count(String s, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') quoted = !quoted;
      else if (!quoted && s.charAt(i) == c) n++;
    }
    return n;
  }

  private String peekHeader() throws IOException {
    in.mark(64 * 1024);
    StringBuilder b = new StringBuilder();
    for (int ch; b.length() < 64 * 1024 && (ch = in.read()) != -1 && ch != '\n'; ) b.append((char) ch);
    in.reset();
    return b.toString();
  }

  /** Longest cell accepted, in characters; a roster is not a place for long text. */
  static final int MAX_CELL = 10_000;

  /** Reads one RFC 4180 record; null at the end of input. Cells keyed by their index as text. */
  private Row readRecord() throws IOException {
    int ch = in.read();
    if (ch == -1) return null;
    int start = ++line;
    Map<String, String> cells = new LinkedHashMap<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false, wasQuoted = false;
    String problem = null;
    while (true) {
      if (ch == -1) {
        if (quoted) problem = "a quoted cell is not closed (a \" is missing)";
        break;
      }
      char c = (char) ch;
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int nx = in.read();
          if (nx == '"') {
            cell.append('"');
          } else {
            quoted = false;
            if (nx != -1) in.reset();
          }
        } else {
          if (c == '\n') line++;
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        cell.setLength(0);
      } else if (c == separator) {
        cells.put(Integer.toString(cells.size()), cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (c == '\n') {
        break;
      } else if (c == '\r') {
        in.mark(1);
        int nx = in.read();
        if (nx != '\n' && nx != -1) in.reset();
        break;
      } else {
        cell.append(c);
      }
      if (cell.length() > MAX_CELL) {
        problem = "a cell is longer than " + MAX_CELL + " characters";
        // skip to the end of the line
        while ((ch = in.read()) != -1 && ch != '\n') {
          // discard
        }
        break;
      }
      ch = in.read();
    }
    cells.put(Integer.toString(cells.size()), cell.toString());
    return new Row(start, cells, problem);
  }
}
