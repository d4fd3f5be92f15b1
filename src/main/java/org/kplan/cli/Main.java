package org.kplan.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code kplan} command. Only {@link #main} calls {@code System.exit}; {@link #run} returns the
 * exit code so tests can drive the real command line.
 */
@Command(
    name = "kplan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Turns ketamine-assisted psychotherapy treatment plans (YAML) into dated schedules, checks them",
      "against safety and protocol rules, and writes calendars for a whole clinic.",
      "kplan is a scheduling and checking aid; it gives no medical advice.",
      ""
    },
    subcommands = {ScheduleCommand.class, CalendarCommand.class, TemplatesCommand.class},
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
      "Exit codes:",
      "  0  success",
      "  1  the plan(s) break rules (errors; warnings too with --strict)",
      "  2  usage error, or unreadable or invalid input",
      "  3  output could not be written",
      "",
      "Run 'kplan COMMAND --help' for a command's options and examples."
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  /** The plan breaks rules. */
  public static final int FINDINGS = 1;
  /** Usage error or invalid input: the user must change the command or the file. */
  public static final int INPUT = 2;
  /** Output could not be written. */
  public static final int OUTPUT = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.in, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs kplan with the given streams and environment; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    Context ctx = new Context(in, env);
    CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        K k = CommandLine.defaultFactory().create(cls);
        if (k instanceof Context.Aware a) a.context(ctx);
        return k;
      }
    });
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new Errors());
    cl.setParameterExceptionHandler(Errors::usage);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
