package org.kplan.support;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.kplan.cli.Main;
import org.kplan.term.Prompter;

/** Runs the real command line in-process with captured streams. */
public final class Cli {
  private Cli() {}

  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  public static Result run(String... args) {
    return run("", Map.of(), args);
  }

  public static Result run(String stdin, Map<String, String> env, String... args) {
    return run(null, stdin, env, args);
  }

  /** Runs kplan with {@code prompts} as the terminal that {@code kplan init} asks on. */
  public static Result run(Prompter.Factory prompts, String stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> e = new HashMap<>(env);
    e.putIfAbsent("NO_COLOR", "1");
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), e, prompts);
    return new Result(code, out.toString(), err.toString());
  }
}
