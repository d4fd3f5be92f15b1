package org.kplan.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kplan.term.Prompter;
import org.kplan.term.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
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
    commandListHeading = "",
    headerHeading = "",
    header = "Schedule, check and calendar ketamine-assisted psychotherapy treatment plans.",
    description = {
      "Turns ketamine-assisted psychotherapy treatment plans (YAML) into dated",
      "schedules, checks them against safety and protocol rules, and writes calendars",
      "for a whole clinic. kplan is a scheduling and checking aid; it gives no",
      "medical advice.",
      ""
    },
    footerHeading = "%n",
    footer = {
      "Examples:",
      "  kplan init                          # a new plan, step by step",
      "  kplan show plan.yaml                # the first month of dosing, as a calendar",
      "  kplan schedule plan.yaml -o s.json  # the full schedule, as JSON",
      "",
      "Environment:",
      "  NO_COLOR           no colour in any output when set (https://no-color.org)",
      "  COLUMNS            width to lay out for when not on a terminal (default 80)",
      "  SOURCE_DATE_EPOCH  the moment to treat as now, for reproducible output",
      "",
      "Exit codes:",
      "  0    success",
      "  1    the plan(s) break rules (errors; warnings too with --strict)",
      "  2    usage error, or unreadable or invalid input",
      "  3    output could not be written",
      "  130  kplan init was interrupted (Ctrl-C); nothing was written",
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
  /** Interrupted by the user (Ctrl-C): 128 + SIGINT, as shells report it. */
  public static final int INTERRUPTED = 130;

  /**
   * How {@code kplan --help} groups the commands, in this order. A command not listed here is shown
   * under "Other commands", so a new command is never hidden.
   */
  static final Map<String, List<String>> GROUPS = groups();

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("Plans", List.of("init", "schedule", "show", "templates"));
    g.put("Checking", List.of("validate", "rules"));
    g.put("Calendars", List.of("calendar"));
    g.put("Shell and editor", List.of("completion", "schema"));
    return g;
  }

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // the fast path: the same lines picocli prints, without building picocli at all (a third of a second)
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      for (String line : VersionProvider.lines()) out.println(line);
      out.flush();
      System.exit(OK);
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.in, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Every command, in the order of {@code kplan --help}. Registered programmatically so that a run
   * builds picocli's model only for the command it runs (see {@link #commandLine(Context, String[])}):
   * the model of all commands costs more start-up time than the command itself.
   */
  static final List<Class<?>> COMMANDS = List.of(
      ScheduleCommand.class,
      ShowCommand.class,
      InitCommand.class,
      ValidateCommand.class,
      RulesCommand.class,
      CalendarCommand.class,
      TemplatesCommand.class,
      SchemaCommand.class,
      CompletionCommand.class,
      WarmupCommand.class);

  /** Runs kplan with the given streams and environment; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    return run(args, out, err, in, env, null);
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter, InputStream, Map)}, with the terminal {@code kplan init} asks on. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Prompter.Factory prompts) {
    Integer fast = FastPath.run(args, out, err, in, env);
    return fast != null ? fast : runPicocli(args, out, err, in, env, prompts);
  }

  /** {@link #run} through picocli, for every command line: {@link FastPath} must give the same result where it answers. */
  static int runPicocli(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, Prompter.Factory prompts) {
    Context ctx = new Context(in, env, prompts);
    CommandLine cl = commandLine(ctx, args);
    cl.setOut(out);
    cl.setErr(err);
    Style helpStyle = helpStyle(args, env);
    cl.setColorScheme(Help.defaultColorScheme(helpStyle.enabled() ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setExecutionStrategy(new RunLast(cl, env));
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * {@code kplan --help} as picocli prints it at {@code width} columns, with or without colour. The
   * build renders it for every width and both colourings ({@link HelpPrerender}), so that
   * {@link FastPath} can print it without building picocli.
   */
  static String renderHelp(int width, boolean color) {
    java.io.StringWriter sw = new java.io.StringWriter();
    CommandLine cl = commandLine(new Context(InputStream.nullInputStream(), Map.of(), null), new String[0]);
    cl.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setUsageHelpWidth(width);
    PrintWriter pw = new PrintWriter(sw);
    cl.usage(pw);
    pw.flush();
    return sw.toString();
  }

  /** The width {@code kplan --help} lays out for, from the terminal or {@code COLUMNS}. */
  static int helpWidth(Map<String, String> env) {
    return Math.min(FastPath.MAX_HELP_WIDTH, Math.max(FastPath.MIN_HELP_WIDTH, Style.width(null, env)));
  }

  /** The whole command tree, as the completion scripts and the manual page see it. */
  static CommandLine commandLine(Context ctx) {
    CommandLine cl = root(ctx);
    for (Class<?> c : COMMANDS) add(cl, c);
    return configure(cl);
  }

  /**
   * The command tree for {@code args}: the command named by the first word is the only one built
   * in full. Without a command word (help, a typo) the others stand in as names and one-line
   * headers, read from their annotations, which is all that help and suggestions show.
   */
  static CommandLine commandLine(Context ctx, String[] args) {
    CommandLine cl = root(ctx);
    String word = null;
    for (String a : args) {
      if (a.equals("--")) break;
      if (!a.startsWith("-")) {
        word = a;
        break;
      }
    }
    for (Class<?> c : COMMANDS) {
      Command a = c.getAnnotation(Command.class);
      if (a.name().equals(word)) {
        add(cl, c);
      } else if (!a.hidden()) {
        CommandSpec stand = CommandSpec.create().name(a.name());
        stand.usageMessage().header(a.header()).description(a.description());
        cl.addSubcommand(a.name(), stand);
      }
    }
    return configure(cl);
  }

  private static void add(CommandLine cl, Class<?> c) {
    try {
      cl.addSubcommand(cl.getFactory().create(c));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create command " + c.getName(), e);
    }
  }

  private static CommandLine root(Context ctx) {
    CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        K k = CommandLine.defaultFactory().create(cls);
        if (k instanceof Context.Aware a) a.context(ctx);
        return k;
      }
    });
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
    return cl;
  }

  /** Settings for the root and every subcommand (picocli copies them to the subcommands present). */
  private static CommandLine configure(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Errors errors = new Errors();
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }

  // Small classes, not lambdas, for what picocli calls back: every run through picocli links them,
  // and a lambda's first use costs more start-up time than a class from the CDS archive.

  /** picocli's RunLast, after laying help out at {@link #helpWidth} when help is about to be printed. */
  private static final class RunLast implements CommandLine.IExecutionStrategy {
    private final CommandLine cl;
    private final Map<String, String> env;

    RunLast(CommandLine cl, Map<String, String> env) {
      this.cl = cl;
      this.env = env;
    }

    @Override
    public int execute(ParseResult parsed) {
      if (helpRequested(parsed)) cl.setUsageHelpWidth(helpWidth(env));
      return new CommandLine.RunLast().execute(parsed);
    }
  }

  /** The command list section of {@code kplan --help}: {@link #commandList}. */
  private static final class CommandList implements CommandLine.IHelpSectionRenderer {
    @Override
    public String render(Help help) {
      return commandList(help);
    }
  }

  /** Help is about to be printed: --help, -h, the help command, or kplan alone. */
  private static boolean helpRequested(ParseResult p) {
    for (ParseResult r = p; r != null; r = r.subcommand()) {
      if (r.isUsageHelpRequested()) return true;
      if (r.subcommand() == null && r.commandSpec().userObject() instanceof Main) return true;
    }
    return false;
  }

  /** Colour of --help output: the same rule as every command's output, from the options as typed. */
  private static Style helpStyle(String[] args, Map<String, String> env) {
    boolean noColor = false;
    Style.Mode mode = Style.Mode.AUTO;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) break;
      if (a.equals("--no-color")) noColor = true;
      String when = a.startsWith("--color=") ? a.substring(8) : a.equals("--color") && i + 1 < args.length ? args[i + 1] : null;
      if (when != null) {
        for (Style.Mode m : Style.Mode.values()) if (m.name().equalsIgnoreCase(when)) mode = m;
      }
    }
    return Style.detect(mode, noColor, env);
  }

  /** The command list of {@code kplan --help}: grouped, one line each. */
  private static String commandList(Help help) {
    Map<String, Help> subs = help.subcommands();
    if (subs.isEmpty()) return "";
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> placed = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
      List<String> present = g.getValue().stream().filter(subs::containsKey).toList();
      if (!present.isEmpty()) groups.put(g.getKey(), present);
      placed.addAll(present);
    }
    List<String> other = subs.keySet().stream().filter(n -> !placed.contains(n)).toList();
    if (!other.isEmpty()) groups.put("Other commands", other);
    int nameWidth = subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
    int textWidth = Math.max(20, help.commandSpec().usageMessage().width() - nameWidth);
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      sb.append(nl).append(g.getKey()).append(':').append(nl);
      for (String name : g.getValue()) {
        CommandSpec s = subs.get(name).commandSpec();
        String[] header = s.usageMessage().header();
        String line = header.length > 0 ? header[0] : s.usageMessage().description().length > 0 ? s.usageMessage().description()[0] : "";
        sb.append("  ").append(help.colorScheme().commandText(name)).append(" ".repeat(nameWidth - 2 - name.length()));
        List<String> wrapped = org.kplan.term.Text.wrap(line, textWidth);
        for (int i = 0; i < wrapped.size(); i++) {
          if (i > 0) sb.append(" ".repeat(nameWidth + 2));
          sb.append(wrapped.get(i)).append(nl);
        }
      }
    }
    return sb.toString();
  }
}
