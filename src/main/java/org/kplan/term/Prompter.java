package org.kplan.term;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks questions on a terminal, one answer at a time, each checked before it is accepted. The
 * JLine implementation is {@link LinePrompter}; this interface keeps JLine out of the classes
 * that every command loads.
 */
public interface Prompter extends AutoCloseable {
  /**
   * A question.
   *
   * @param label what to ask, without the default or the colon
   * @param defaultValue the answer an empty line gives (shown in brackets), or null for none
   * @param check null when the answer is acceptable, else a message saying what is expected
   * @param completions what the Tab key offers, or null
   */
  record Question(String label, String defaultValue, Function<String, String> check, Supplier<List<String>> completions) {}

  /** Asks until {@code q.check} accepts the answer (or the default, on an empty line); returns it trimmed. */
  String ask(Question q) throws Interrupted, EndOfInput;

  /** Prints a line of text to the terminal (a heading, a hint, a problem). */
  void say(String line);

  /** The style (colour or not) the prompter writes in. */
  Style style();

  @Override
  void close();

  /** Ctrl-C at a prompt. */
  final class Interrupted extends Exception {
    private static final long serialVersionUID = 1L;

    public Interrupted() {
      super("interrupted");
    }
  }

  /** Ctrl-D at an empty prompt, or the input ended. */
  final class EndOfInput extends Exception {
    private static final long serialVersionUID = 1L;

    public EndOfInput() {
      super("end of input");
    }
  }

  /** Opens a prompter; {@code style} decides colour. */
  interface Factory {
    Prompter open(Style style) throws IOException;
  }
}
