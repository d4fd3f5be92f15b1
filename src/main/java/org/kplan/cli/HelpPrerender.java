package org.kplan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (Maven's process-classes phase): renders {@code kplan --help} with picocli at every
 * width it can be laid out at (55 to 120 columns), with and without colour, into the directory named by
 * the first argument, one file each, for {@link FastPath}. Not part of kplan's
 * command line.
 */
public final class HelpPrerender {
  private HelpPrerender() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    if (!System.lineSeparator().equals("\n")) return; // FastPath then finds nothing and picocli prints the help
    for (boolean color : new boolean[] {false, true}) {
      for (int w = FastPath.MIN_HELP_WIDTH; w <= FastPath.MAX_HELP_WIDTH; w++) {
        Files.writeString(dir.resolve(FastPath.helpResource(w, color)), Main.renderHelp(w, color), StandardCharsets.UTF_8);
      }
    }
  }
}
