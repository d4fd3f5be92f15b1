package org.kplan.term;

import java.io.IOException;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * {@link Prompter} on a JLine terminal: line editing, Tab completion from the question's
 * completions, and (in colour) the answer shown red while it is not yet acceptable. Loaded only by
 * {@code kplan init} on a terminal.
 */
public final class LinePrompter implements Prompter {
  private final Terminal terminal;
  private final boolean ownsTerminal;
  private final LineReader reader;
  private final Style style;
  private Question current;

  private LinePrompter(Terminal terminal, boolean ownsTerminal, Style style) {
    this.terminal = terminal;
    this.ownsTerminal = ownsTerminal;
    this.style = style;
    LineReaderBuilder b = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kplan")
        .completer((r, line, out) -> {
          Question q = current;
          if (q == null || q.completions() == null) return;
          for (String c : q.completions().get()) out.add(new Candidate(c, c, null, null, null, null, true));
        })
        .variable(LineReader.HISTORY_SIZE, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.AUTO_LIST, true)
        .option(LineReader.Option.LIST_AMBIGUOUS, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true);
    if (style.enabled()) {
      b.highlighter((r, buffer) -> {
        Question q = current;
        boolean bad = q != null && !buffer.isBlank() && q.check().apply(buffer.trim()) != null;
        return new AttributedString(buffer, bad ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT);
      });
    }
    this.reader = b.build();
  }

  /** Prompts on the system terminal. */
  public static Factory system() {
    return style -> new LinePrompter(TerminalBuilder.builder().system(true).build(), true, style);
  }

  /** Prompts on {@code terminal} (tests build one over piped streams); the caller closes it. */
  public static Factory on(Terminal terminal) {
    return style -> new LinePrompter(terminal, false, style);
  }

  @Override
  public String ask(Question q) throws Interrupted, EndOfInput {
    current = q;
    String prompt = style.bold(q.label()) + (q.defaultValue() == null || q.defaultValue().isEmpty() ? "" : " [" + q.defaultValue() + "]") + ": ";
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          throw new Interrupted();
        } catch (EndOfFileException e) {
          throw new EndOfInput();
        }
        String answer = line == null ? "" : line.trim();
        if (answer.isEmpty() && q.defaultValue() != null) answer = q.defaultValue();
        String problem = q.check().apply(answer);
        if (problem == null) return answer;
        say("  " + style.red("✗ " + problem));
      }
    } finally {
      current = null;
    }
  }

  @Override
  public void say(String line) {
    terminal.writer().println(line);
    terminal.writer().flush();
  }

  @Override
  public Style style() {
    return style;
  }

  @Override
  public void close() {
    terminal.writer().flush();
    if (ownsTerminal) {
      try {
        terminal.close();
      } catch (IOException e) {
        // nothing to restore
      }
    }
  }
}
