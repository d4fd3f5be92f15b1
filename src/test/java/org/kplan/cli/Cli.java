package org.kplan.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real command line with captured streams, as a user would see it. */
final class Cli {
  private Cli() {}

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    return runWithInput("", args);
  }

  static Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of());
    return new Result(code, out.toString(), err.toString());
  }

  /** Compares {@code actual} with a golden file; with -Dkplan.updateGolden=true, rewrites it instead. */
  static void golden(Path file, String actual) throws IOException {
    if (Boolean.getBoolean("kplan.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError(file + " does not exist; create it with: mvn -o test -Dtest=" + "ValidateGoldenTest -Dkplan.updateGolden=true");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      throw new org.opentest4j.AssertionFailedError(file + " differs from the output (review the change, then update with"
          + " mvn -o test -Dtest=ValidateGoldenTest -Dkplan.updateGolden=true)", expected, actual);
    }
  }
}
