package org.kplan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands PATH arguments: {@code -} is standard input; a directory stands for every
 * {@code *.yaml} and {@code *.yml} file under it (recursively, skipping hidden directories such as
 * {@code .git}), sorted by path; anything else is a file, read later (so a missing file is
 * reported with the others). The same file named twice is checked once.
 */
final class PathArgs {
  private PathArgs() {}

  /** One input: a display name and a path, or no path for standard input. */
  record Input(String name, Path path) {
    boolean stdin() {
      return path == null;
    }
  }

  static List<Input> expand(List<String> args) throws UsageException {
    List<Input> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    boolean stdin = false;
    for (String a : args) {
      if (a.equals("-")) {
        if (stdin) throw new UsageException("standard input (-) is given more than once");
        stdin = true;
        out.add(new Input(PlanInput.STDIN, null));
        continue;
      }
      Path p;
      try {
        p = Path.of(a);
      } catch (InvalidPathException e) {
        throw new UsageException("not a valid path: " + a);
      }
      if (Files.isDirectory(p)) {
        List<Path> found = walk(p);
        if (found.isEmpty()) throw new UsageException("no *.yaml or *.yml files under " + a);
        for (Path f : found) if (seen.add(f.toAbsolutePath().normalize())) out.add(new Input(f.toString(), f));
      } else if (seen.add(p.toAbsolutePath().normalize())) {
        out.add(new Input(a, p));
      }
    }
    return out;
  }

  /**
   * The plan files under {@code dir}, named as the user wrote the directory. A directory named
   * through a symbolic link is followed; links inside it are not (nothing outside what was named).
   */
  private static List<Path> walk(Path named) throws UsageException {
    List<Path> found = new ArrayList<>();
    Path dir;
    try {
      dir = named.toRealPath();
    } catch (IOException e) {
      throw new UsageException("cannot list " + named + ": " + e.getMessage());
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          String n = d.getFileName() == null ? "" : d.getFileName().toString();
          return !d.equals(dir) && n.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
          if (attrs.isRegularFile() && !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"))) found.add(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          found.add(f);  // reported as unreadable
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot list " + dir + ": " + e.getMessage());
    }
    List<Path> out = new ArrayList<>();
    for (Path f : found) out.add(named.resolve(dir.relativize(f)));
    out.sort(BY_TEXT);
    return out;
  }

  /** Paths in the order of their text. A class, not a lambda: linking a lambda costs more at start-up. */
  private static final Comparator<Path> BY_TEXT = new Comparator<Path>() {
    @Override
    public int compare(Path a, Path b) {
      return a.toString().compareTo(b.toString());
    }
  };
}
