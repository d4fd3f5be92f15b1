package org.kplan.cli;

import java.io.InputStream;
import java.util.Map;
import org.kplan.term.Prompter;

/**
 * What a command may take from its environment: standard input, environment variables, and (for
 * {@code kplan init}) a way to ask questions on a terminal.
 */
public final class Context {
  final InputStream in;
  final Map<String, String> env;
  /** Opens the interactive prompter; null means "the system terminal, when there is one". */
  final Prompter.Factory prompts;

  Context(InputStream in, Map<String, String> env, Prompter.Factory prompts) {
    this.in = in;
    this.env = env;
    this.prompts = prompts;
  }

  public String env(String name) {
    return env.get(name);
  }

  /** Commands that need the context implement this; the factory hands it over. */
  public interface Aware {
    void context(Context c);
  }
}
