package org.kplan.cli;

import java.io.PrintWriter;
import org.kplan.export.OutputException;
import org.kplan.plan.InputException;
import org.kplan.term.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place that turns failures into messages and exit codes. No stack trace without --debug. */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    return report(ex, cmd.getErr(), parsed != null && hasDebug(parsed));
  }

  /** A usage error: see {@link #usage}. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    return usage(ex, args);
  }

  /** The message and exit code of a command's failure {@code ex}. */
  static int report(Exception ex, PrintWriter err, boolean debug) {
    if (ex instanceof InputException ie) {
      err.println("kplan: " + Diagnostics.safe(ie.getMessage()));
      return Main.INPUT;
    }
    if (ex instanceof OutputException oe) {
      err.println("kplan: " + Diagnostics.safe(oe.getMessage()));
      if (debug && oe.getCause() != null) oe.getCause().printStackTrace(err);
      return Main.OUTPUT;
    }
    if (ex instanceof UsageException ue) {
      err.println("kplan: " + Diagnostics.safe(ue.getMessage()));
      return Main.INPUT;
    }
    err.println("kplan: internal error: " + Diagnostics.safe(String.valueOf(ex)) + (debug ? "" : " (run again with --debug for details, and please report it)"));
    if (debug) ex.printStackTrace(err);
    return 70;
  }

  private static boolean hasDebug(ParseResult p) {
    for (ParseResult r = p; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) return true;
    }
    return false;
  }

  static int usage(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("kplan: " + Diagnostics.safe(ex.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return Main.INPUT;
  }
}
