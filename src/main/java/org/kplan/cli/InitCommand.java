package org.kplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kplan.export.OutputException;
import org.kplan.export.SafeFiles;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Severity;
import org.kplan.plan.Suggest;
import org.kplan.plan.Templates;
import org.kplan.plan.Vocabulary;
import org.kplan.schedule.Schedule;
import org.kplan.term.Diagnostics;
import org.kplan.term.Prompter;
import org.kplan.term.Prompter.Question;
import org.kplan.term.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kplan init [FILE]}: a new plan that extends a template. On a terminal it asks for each
 * answer not given as an option (JLine, loaded only then); without one, or with {@code --no-input},
 * every required answer must be an option. The plan is checked (loads, schedules without error
 * findings) before anything is written.
 */
@Command(
    name = "init",
    sortOptions = false,
    headerHeading = "",
    header = "Write a new plan for a patient, from a template: step by step on a terminal, or from options.",
    description = {
      "Asks for the template, the patient's reference, birth date and weight, the first possible dosing date, the time zone, the clinic's days and hours and the plan's id, checking each answer as it is given (a wrong one is asked again). Enter takes the [default]; Tab completes template names (built-in, and *.yaml templates in the current directory), time zones and weekdays; Ctrl-C cancels and writes nothing. For a minor at the start it also asks for the dates of the guardian's consent and the patient's assent.",
      "",
      "An answer given as an option is not asked. Without a terminal (in scripts), or with --no-input, nothing is asked: --template, --patient, --birth-date, --start and --timezone (and --weight when the template doses per kg) are then required; the others default to the template's clinic days and hours and an id made of the patient's reference and the start date.",
      "",
      "The plan extends the template and gives only the patient's and the clinic's own data. It is written only when it loads and schedules without error findings: atomically, readable by its owner only, and never over an existing file without --force.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan init                        # step by step; writes ID.yaml",
      "  kplan init plans/p-0042.yaml --template adolescent-iv-induction",
      "  kplan init - --template adult-iv-induction --patient P-0057 \\",
      "      --birth-date 1990-04-02 --weight 68 --start 2027-03-01 \\",
      "      --timezone America/New_York > p-0057.yaml",
      "  kplan init p.yaml --no-input --template ./clinic-base.yaml \\",
      "      --patient P-7 --birth-date 1985-01-31 --weight 80 --start 2027-01-04 \\",
      "      --timezone Europe/Berlin --days mon-fri --hours 07:30-18:30",
      "",
      "Exit codes: 0 written; 1 the plan would have error findings; 2 a missing or",
      "invalid answer, or input ended (Ctrl-D); 3 FILE exists (use --force) or",
      "cannot be written; 130 interrupted (Ctrl-C). Nothing is written unless the",
      "exit code is 0."
    })
public final class InitCommand implements Callable<Integer>, Context.Aware {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  private Context ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Where to write the plan; - for standard output. Default: ID.yaml in the current directory.")
  String file;

  @Option(names = "--template", paramLabel = "NAME", completionCandidates = Candidates.TemplateNames.class,
      description = "A built-in template (see kplan templates), or a template file such as ./base.yaml.")
  String template;

  @Option(names = "--patient", paramLabel = "REF", description = "The patient's pseudonymous reference, such as P-0042 (never a name).")
  String patient;

  @Option(names = "--birth-date", paramLabel = "DATE", description = "The patient's birth date, YYYY-MM-DD.")
  String birthDate;

  @Option(names = "--weight", paramLabel = "KG", description = "The patient's weight in kg (needed when the template doses per kg).")
  String weight;

  @Option(names = "--start", paramLabel = "DATE", description = "The first date a dosing session may take place, YYYY-MM-DD.")
  String start;

  @Option(names = "--timezone", paramLabel = "ZONE", description = "The clinic's IANA time zone, such as America/Los_Angeles.")
  String timezone;

  @Option(names = "--days", paramLabel = "DAYS", description = "The days the clinic is open, such as mon-fri or mon,wed,fri. Default: the template's.")
  String days;

  @Option(names = "--hours", paramLabel = "HH:MM-HH:MM", description = "The clinic's opening hours on those days. Default: the template's.")
  String hours;

  @Option(names = "--guardian-consent", paramLabel = "DATE", description = "Minors: the date the guardian's consent was signed.")
  String guardianConsent;

  @Option(names = "--assent", paramLabel = "DATE", description = "Minors: the date of the patient's own assent.")
  String assent;

  @Option(names = "--id", paramLabel = "ID", description = "The plan's id (names files and calendar UIDs). Default: the patient's reference and the start date.")
  String id;

  @Option(names = "--force", description = "Replace FILE if it exists and would change.")
  boolean force;

  @Option(names = "--no-input", description = "Never ask; take every answer from the options (the default without a terminal).")
  boolean noInput;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*");

  /** One answer: the option that gives it, how to ask for it, and how to check it. */
  private record Ask(String key, String option, String label, Function<Answers, String> dflt,
      Function<Answers, Function<String, String>> check, Supplier<List<String>> completions,
      Function<Answers, Boolean> applies, Function<Answers, Boolean> required) {}

  /** The answers so far, and what the chosen template tells about the rest. */
  private final class Answers {
    final Map<String, String> values = new LinkedHashMap<>();
    Plan template;

    String get(String k) {
      return values.get(k);
    }

    LocalDate date(String k) {
      String v = values.get(k);
      return v == null ? null : LocalDate.parse(v);
    }

    boolean perKg() {
      if (template == null || template.ketamine() == null) return false;
      var k = template.ketamine();
      return (k.dose() != null && k.dose().perKg()) || k.phases().stream().anyMatch(p -> p.dose() != null && p.dose().perKg());
    }

    boolean minor() {
      LocalDate b = date("birthDate"), s = date("start");
      return b != null && s != null && Period.between(b, s).getYears() < 18;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Style style = common.style();
    Instant now = Clock.now(null, ctx);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (file != null && !file.equals("-")) checkWritable(Path.of(file));
    Map<String, String> given = given();
    List<Ask> asks = asks(today);
    boolean interactive = !noInput && (ctx.prompts != null || Style.isTerminal());
    Answers a = new Answers();
    Prompter prompter = null;
    try {
      List<String> missing = new ArrayList<>();
      for (Ask q : asks) {
        String v = given.get(q.key());
        if (v == null && !q.applies().apply(a)) continue;
        if (v != null) {
          String problem = q.check().apply(a).apply(v.trim());
          if (problem != null) throw new UsageException(q.option() + ": " + problem);
          put(a, q.key(), v.trim());
        } else if (interactive) {
          if (prompter == null) prompter = open(style);
          put(a, q.key(), prompter.ask(question(q, a)));
        } else if (q.required().apply(a)) {
          missing.add(q.option());
        } else {
          String d = q.dflt().apply(a);
          if (d != null) put(a, q.key(), d);
        }
      }
      if (!missing.isEmpty()) {
        throw new UsageException("missing " + String.join(", ", missing) + (interactive ? "" : " (there is no terminal to ask on)")
            + "; see 'kplan init --help'");
      }
      while (true) {
        PlanDraft draft = draft(a);
        String text = draft.yaml();
        Path target = file == null ? Path.of(draft.id() + ".yaml") : file.equals("-") ? null : Path.of(file);
        List<Finding> problems = check(text, target, now);
        if (problems.isEmpty()) return write(text, target, err, prompter);
        Diagnostics diag = new Diagnostics(style);
        diag.source(target == null ? "<new plan>" : target.toString(), text);
        if (prompter == null) {
          for (Finding f : problems) diag.print(f, err);
          err.println("kplan: the plan would not schedule without errors; nothing written");
          return problems.stream().anyMatch(f -> f.rule().startsWith("PLN")) ? Main.INPUT : Main.FINDINGS;
        }
        java.io.StringWriter w = new java.io.StringWriter();
        PrintWriter pw = new PrintWriter(w);
        for (Finding f : problems) diag.print(f, pw);
        pw.flush();
        w.toString().lines().forEach(prompter::say);
        prompter.say("The plan would not schedule without errors. Change the start date or the clinic's days and hours:");
        for (Ask q : asks) {
          if (q.key().equals("start") || q.key().equals("days") || q.key().equals("hours")) put(a, q.key(), prompter.ask(question(q, a)));
        }
      }
    } catch (Prompter.Interrupted e) {
      err.println("kplan: init interrupted; nothing written");
      return Main.INTERRUPTED;
    } catch (Prompter.EndOfInput e) {
      err.println("kplan: input ended before every answer was given; nothing written");
      return Main.INPUT;
    } finally {
      if (prompter != null) prompter.close();
    }
  }

  private Prompter open(Style style) throws IOException {
    Prompter p = (ctx.prompts != null ? ctx.prompts : org.kplan.term.LinePrompter.system()).open(style);
    p.say(style.bold("kplan init") + ": a new treatment plan from a template.");
    p.say("Enter takes the [default]; Tab completes; Ctrl-C cancels and writes nothing.");
    return p;
  }

  private Question question(Ask q, Answers a) {
    return new Question(q.label(), q.dflt().apply(a), q.check().apply(a), q.completions());
  }

  private void put(Answers a, String key, String value) {
    a.values.put(key, value == null || value.isEmpty() ? null : value);
    if (key.equals("template") && value != null) a.template = loadTemplate(value);
  }

  private Map<String, String> given() {
    Map<String, String> g = new LinkedHashMap<>();
    g.put("template", template);
    g.put("patient", patient);
    g.put("birthDate", birthDate);
    g.put("weightKg", weight);
    g.put("start", start);
    g.put("guardianConsent", guardianConsent);
    g.put("assent", assent);
    g.put("timezone", timezone);
    g.put("days", days);
    g.put("hours", hours);
    g.put("id", id);
    return g;
  }

  // ------------------------------------------------------------------ the questions

  private List<Ask> asks(LocalDate today) {
    Function<Answers, Boolean> always = a -> true;
    Function<Answers, Boolean> never = a -> false;
    List<Ask> q = new ArrayList<>();
    q.add(new Ask("template", "--template", "Template", a -> null, a -> this::checkTemplate, this::templateChoices, always, always));
    q.add(new Ask("patient", "--patient", "Patient reference (pseudonymous, never a name)", a -> null,
        a -> InitCommand::checkPatient, null, always, always));
    q.add(new Ask("birthDate", "--birth-date", "Birth date (YYYY-MM-DD)", a -> null,
        a -> v -> checkBirthDate(v, today), null, always, always));
    q.add(new Ask("weightKg", "--weight", "Weight in kg", a -> null,
        a -> v -> v.isEmpty() && !a.perKg() ? null : checkWeight(v, a.perKg()), null, always, Answers::perKg));
    q.add(new Ask("start", "--start", "First possible dosing date (YYYY-MM-DD)",
        a -> a.get("start") != null ? a.get("start") : today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).toString(),
        a -> v -> checkStart(v, a.date("birthDate")), null, always, always));
    q.add(new Ask("guardianConsent", "--guardian-consent", "Minor: date the guardian's consent was signed (YYYY-MM-DD, Enter to leave out)",
        a -> a.get("guardianConsent"), a -> v -> v.isEmpty() ? null : checkConsent(v, a.date("start")), null, Answers::minor, never));
    q.add(new Ask("assent", "--assent", "Minor: date of the patient's assent (YYYY-MM-DD, Enter to leave out)",
        a -> a.get("assent"), a -> v -> v.isEmpty() ? null : checkConsent(v, a.date("start")), null, Answers::minor, never));
    q.add(new Ask("timezone", "--timezone", "Time zone", a -> a.get("timezone") != null ? a.get("timezone") : systemZone(),
        a -> InitCommand::checkZone, InitCommand::zones, always, always));
    q.add(new Ask("days", "--days", "Clinic days", a -> a.get("days") != null ? a.get("days") : templateDays(a),
        a -> InitCommand::checkDays, InitCommand::dayChoices, always, never));
    q.add(new Ask("hours", "--hours", "Clinic hours (HH:MM-HH:MM)", a -> a.get("hours") != null ? a.get("hours") : templateHours(a),
        a -> InitCommand::checkHours, null, always, never));
    q.add(new Ask("id", "--id", "Plan id", this::defaultId, a -> this::checkId, null, always, never));
    return q;
  }

  private List<String> templateChoices() {
    List<String> out = new ArrayList<>(Templates.names());
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(""), "*.{yaml,yml}")) {
      List<String> local = new ArrayList<>();
      for (Path p : ds) {
        if (Files.isRegularFile(p) && Files.size(p) < 1 << 20
            && Files.readAllLines(p, StandardCharsets.UTF_8).stream().anyMatch(l -> l.matches("kind:\\s*template\\s*(#.*)?"))) {
          local.add("./" + p.getFileName());
        }
      }
      local.sort(null);
      out.addAll(local);
    } catch (IOException | RuntimeException e) {
      // no local templates to offer
    }
    return out;
  }

  private String checkTemplate(String v) {
    if (v.isEmpty()) return "choose a template: " + String.join(", ", Templates.names()) + ", or a file such as ./base.yaml";
    boolean path = v.contains("/") || v.endsWith(".yaml") || v.endsWith(".yml");
    if (!path) {
      if (Templates.text(v).isPresent()) return null;
      return "unknown template \"" + v + "\"" + Suggest.didYouMean(v, Templates.names())
          + " (built-in: " + String.join(", ", Templates.names()) + "; a file needs a path such as ./" + v + ".yaml)";
    }
    if (!Files.isRegularFile(Path.of(v))) return "no such file: " + v;
    try {
      new PlanLoader().load(Path.of(v));
      return null;
    } catch (InputException e) {
      Finding f = e.problems().get(0);
      return v + " cannot be used: " + f.pos() + ": " + f.message();
    }
  }

  private Plan loadTemplate(String v) {
    try {
      boolean path = v.contains("/") || v.endsWith(".yaml") || v.endsWith(".yml");
      if (path) return new PlanLoader().load(Path.of(v));
      return new PlanLoader().load("template:" + v, Templates.text(v).orElseThrow(), Path.of("").toAbsolutePath());
    } catch (InputException | RuntimeException e) {
      return null;
    }
  }

  static String checkPatient(String v) {
    if (v.isEmpty()) return "a reference is required, such as P-0042";
    if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
      return "a reference is letters, digits, '.', '_' and '-', such as P-0042 (a pseudonym: never the patient's name)";
    }
    return null;
  }

  static LocalDate parseDate(String v) {
    if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) return null;
    try {
      return LocalDate.parse(v, STRICT_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String dateProblem(String v) {
    if (v.isEmpty()) return "a date is required, as YYYY-MM-DD";
    if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) return "expected a date as YYYY-MM-DD, such as 2010-03-14; found \"" + v + "\"";
    return parseDate(v) == null ? v + " is not a date in the calendar" : null;
  }

  static String checkBirthDate(String v, LocalDate today) {
    String p = dateProblem(v);
    if (p != null) return p;
    LocalDate d = parseDate(v);
    if (d.isAfter(today)) return v + " is in the future";
    if (d.isBefore(today.minusYears(120))) return v + " is more than 120 years ago";
    return null;
  }

  static String checkWeight(String v, boolean required) {
    if (v.isEmpty()) return required ? "the template doses per kg, so the weight is needed, in kg (such as 54.5)" : null;
    BigDecimal w;
    try {
      w = new BigDecimal(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      return "expected a weight in kg, such as 54.5; found \"" + v + "\"";
    }
    if (w.compareTo(new BigDecimal("0.5")) < 0 || w.compareTo(new BigDecimal("500")) > 0) return "a weight is from 0.5 to 500 kg; found " + v;
    if (w.scale() > 2) return "give the weight to at most two decimals";
    return null;
  }

  static String checkStart(String v, LocalDate birth) {
    String p = dateProblem(v);
    if (p != null) return p;
    if (birth != null && !parseDate(v).isAfter(birth)) return "the start must be after the birth date (" + birth + ")";
    return null;
  }

  static String checkConsent(String v, LocalDate start) {
    String p = dateProblem(v);
    if (p != null) return p;
    if (start != null && parseDate(v).isAfter(start)) return "this must be on or before the start (" + start + ")";
    return null;
  }

  static String checkZone(String v) {
    if (v.isEmpty()) return "a time zone is required, such as America/Los_Angeles (Tab completes)";
    if (v.contains("/") || v.equals("UTC")) {
      try {
        ZoneId.of(v);
        return null;
      } catch (DateTimeException e) {
        // fall through to the message
      }
    }
    return "unknown time zone \"" + v + "\"" + Suggest.didYouMean(v, ZoneId.getAvailableZoneIds())
        + " (an IANA zone such as Europe/Berlin; Tab completes)";
  }

  private static String systemZone() {
    String z = ZoneId.systemDefault().getId();
    return z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/") ? z : null;
  }

  private static List<String> zones() {
    return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
  }

  static Set<DayOfWeek> parseDays(String v) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String part : v.toLowerCase(Locale.ROOT).split("\\s*[, ]\\s*")) {
      if (part.isEmpty()) continue;
      String[] r = part.split("\\s*-\\s*");
      DayOfWeek a = day(r[0]);
      DayOfWeek b = r.length == 2 ? day(r[1]) : a;
      if (a == null || b == null || r.length > 2 || b.compareTo(a) < 0) return null;
      for (int d = a.getValue(); d <= b.getValue(); d++) out.add(DayOfWeek.of(d));
    }
    return out.isEmpty() ? null : out;
  }

  private static DayOfWeek day(String w) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (w.equals(full) || w.equals(full.substring(0, 3))) return d;
    }
    return null;
  }

  static String checkDays(String v) {
    if (parseDays(v) != null) return null;
    return "expected weekdays such as mon-fri or mon,wed,fri (mon, tue, wed, thu, fri, sat, sun; ranges run Monday to Sunday); found \"" + v + "\"";
  }

  private static List<String> dayChoices() {
    List<String> out = new ArrayList<>(List.of("mon-fri", "mon-sat", "mon-sun"));
    out.addAll(Vocabulary.WEEKDAYS);
    return out;
  }

  static Plan.Hours parseHours(String v) {
    Matcher m = HOURS.matcher(v);
    if (!m.matches()) return null;
    int h1 = Integer.parseInt(m.group(1)), m1 = Integer.parseInt(m.group(2)), h2 = Integer.parseInt(m.group(3)), m2 = Integer.parseInt(m.group(4));
    if (h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 || (h2 == 24 && m2 != 0)) return null;
    LocalTime open = LocalTime.of(h1, m1);
    LocalTime close = h2 == 24 ? null : LocalTime.of(h2, m2);
    if (close != null && !close.isAfter(open)) return null;
    return new Plan.Hours(open, close);
  }

  static String checkHours(String v) {
    return parseHours(v) != null ? null : "expected opening hours as HH:MM-HH:MM (24-hour, closing after opening), such as 08:00-18:00; found \"" + v + "\"";
  }

  private static String templateDays(Answers a) {
    if (a.template == null || a.template.clinic().hours().isEmpty()) return "mon-fri";
    return PlanDraft.weekdays(a.template.clinic().hours().keySet());
  }

  private static String templateHours(Answers a) {
    if (a.template == null || a.template.clinic().hours().isEmpty()) return "08:00-18:00";
    Set<DayOfWeek> ds = parseDays(a.get("days") == null ? "mon-fri" : a.get("days"));
    Plan.Hours h = ds == null ? null : a.template.clinic().hours().get(ds.iterator().next());
    return (h != null ? h : a.template.clinic().hours().values().iterator().next()).toString();
  }

  private String defaultId(Answers a) {
    String p = a.get("patient") == null ? "plan" : a.get("patient").toLowerCase(Locale.ROOT);
    return p + (a.get("start") == null ? "" : "-" + a.get("start"));
  }

  private String checkId(String v) {
    if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      return "an id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; found \"" + v + "\"";
    }
    if (file == null && !force && Files.exists(Path.of(v + ".yaml"))) return v + ".yaml already exists; choose another id (or use --force)";
    return null;
  }

  // ------------------------------------------------------------------ checking and writing

  private PlanDraft draft(Answers a) {
    String t = a.get("template");
    Path outDir = file == null || file.equals("-") ? Path.of("").toAbsolutePath() : Path.of(file).toAbsolutePath().getParent();
    if (t.contains("/") || t.endsWith(".yaml") || t.endsWith(".yml")) {
      String rel = outDir.relativize(Path.of(t).toAbsolutePath().normalize()).toString().replace('\\', '/');
      t = rel.startsWith("../") ? rel : "./" + rel;
    }
    return new PlanDraft(t, a.get("id"), a.get("patient"), a.date("birthDate"),
        a.get("weightKg") == null ? null : new BigDecimal(a.get("weightKg").replace(',', '.')),
        a.date("guardianConsent"), a.date("assent"), ZoneId.of(a.get("timezone")), a.date("start"),
        parseDays(a.get("days")), parseHours(a.get("hours")),
        a.template == null ? Map.of() : PlanDraft.hoursOf(a.template));
  }

  /** Problems with the plan text: what the loader refuses, or error findings of its schedule. */
  private static List<Finding> check(String text, Path target, Instant now) {
    Path dir = target == null ? Path.of("").toAbsolutePath() : target.toAbsolutePath().getParent();
    String name = target == null ? "<new plan>" : target.toString();
    try {
      Plan p = new PlanLoader().load(name, text, dir);
      Schedule s = PlanInput.schedule(p, null, now);
      return s.findings().stream().filter(f -> f.severity() == Severity.ERROR).sorted().toList();
    } catch (InputException e) {
      return e.problems();
    }
  }

  private void checkWritable(Path target) throws OutputException {
    if (Files.isDirectory(target)) throw new OutputException(target + " is a directory");
    if (Files.exists(target) && !force) throw new OutputException(target + " already exists; use --force to replace it");
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": no such directory " + dir);
  }

  private int write(String text, Path target, PrintWriter err, Prompter prompter) throws OutputException {
    if (target == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return Main.OK;
    }
    if (file == null) checkWritable(target);
    SafeFiles.write(target, text.getBytes(StandardCharsets.UTF_8), force);
    String done = "Wrote " + target + " (readable by you only). Next: kplan show " + target;
    if (prompter != null) prompter.say(done);
    else err.println(done);
    return Main.OK;
  }
}
