package org.kplan.plan;

/** A place in a source file: 1-based line and column. {@code line == 0} means "the file as a whole". */
public record Pos(String file, int line, int column) implements Comparable<Pos> {
  public Pos {
    file = file == null ? "<unknown>" : file;
  }

  public static Pos of(String file) {
    return new Pos(file, 0, 0);
  }

  @Override
  public int compareTo(Pos o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
