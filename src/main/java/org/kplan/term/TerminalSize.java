package org.kplan.term;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Asks the terminal for its width through JLine. A class of its own so that JLine's terminal
 * classes are loaded only when standard output is a terminal and a width is needed.
 */
final class TerminalSize {
  private TerminalSize() {}

  /** The terminal's columns, or 0 when it cannot say. */
  static int columns() {
    try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
      return Math.max(0, t.getWidth());
    } catch (Exception | LinkageError e) {
      return 0;
    }
  }
}
