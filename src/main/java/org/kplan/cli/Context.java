package org.kplan.cli;

import java.io.InputStream;
import java.util.Map;

/** What a command may take from its environment: standard input and environment variables. */
public final class Context {
  final InputStream in;
  final Map<String, String> env;

  Context(InputStream in, Map<String, String> env) {
    this.in = in;
    this.env = env;
  }

  public String env(String name) {
    return env.get(name);
  }

  /** Commands that need the context implement this; the factory hands it over. */
  public interface Aware {
    void context(Context c);
  }
}
