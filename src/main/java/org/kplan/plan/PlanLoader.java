package org.kplan.plan;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kplan.plan.Plan.Clinic;
import org.kplan.plan.Plan.DateRange;
import org.kplan.plan.Plan.Dose;
import org.kplan.plan.Plan.FollowUp;
import org.kplan.plan.Plan.Habit;
import org.kplan.plan.Plan.Hours;
import org.kplan.plan.Plan.Ketamine;
import org.kplan.plan.Plan.Patient;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Plan.Recurrence;
import org.kplan.plan.Plan.SessionTask;
import org.kplan.plan.Plan.Therapy;
import org.kplan.plan.Plan.Waiver;
import org.kplan.plan.YNode.Entry;
import org.kplan.plan.YNode.ScalarType;
import org.kplan.plan.YNode.YList;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;

/**
 * Loads a version-1 plan: reads the file, merges {@code extends}, and binds the YAML tree to
 * {@link Plan} records. Every problem in the file is collected and reported together in one
 * {@link InputException}, each with file, line and column.
 */
public final class PlanLoader {
  /** Most dosing sessions a plan may ask for. */
  public static final int MAX_SESSIONS = 500;
  /** Deepest chain of {@code extends}. */
  public static final int MAX_EXTENDS = 8;
  /** The clinic-hours value that closes days a template opens: {@code sat: closed}. */
  public static final String CLOSED = "closed";
  /** Longest duration, offset or interval a plan may give, in days (10 years). */
  public static final int MAX_SPAN_DAYS = 3660;
  /** Earliest date a plan may name. */
  public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
  /** Latest date a plan may name. */
  public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

  /**
   * Regular expressions for the less usual inputs, compiled on first use: compiling them, in the
   * interpreter, cost several milliseconds of every run's start-up. The usual inputs are checked
   * by hand ({@link #isItemId}, {@link #isPhaseName}, {@link #isRuleCode}, {@link #hourMinute},
   * {@link #splitDash}); {@code FastPathsTest} holds each to its expression.
   */
  private static final class Rx {
    static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    static final Pattern DASH = Pattern.compile("\\s*-\\s*");
    static final Pattern WEEKDAY_WORDS = Pattern.compile("[a-z ,-]+");
    static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
  }

  /** {@code [a-z0-9][a-z0-9-]{0,40}}, checked without a matcher. */
  static boolean isItemId(String id) {
    int n = id.length();
    if (n < 1 || n > 41) return false;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0))) return false;
    }
    return true;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9_-]{0,40}}, checked without a matcher. */
  static boolean isPhaseName(String name) {
    int n = name.length();
    if (n < 1 || n > 41) return false;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
    }
    return true;
  }

  /** {@code [A-Z]{3}\\d{3}} (ASCII digits), checked without a matcher. */
  public static boolean isRuleCode(String code) {
    if (code.length() != 6 || !Ascii.digits(code, 3, 6)) return false;
    for (int i = 0; i < 3; i++) {
      if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') return false;
    }
    return true;
  }

  /**
   * {@code (\\d{1,2}):(\\d{2})} (ASCII digits) as the number written without its colon, hours * 100 +
   * minutes (so 25:61 gives 2561, for the caller to refuse), without a matcher; -1 when {@code t}
   * does not have that shape.
   */
  static int hourMinute(String t) {
    int colon = t.indexOf(':');
    if (colon < 1 || colon > 2 || t.length() != colon + 3) return -1;
    int h = Ascii.number(t, 0, colon), m = Ascii.number(t, colon + 1, t.length());
    return h < 0 || m < 0 ? -1 : h * 100 + m;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}, checked without a matcher. */
  static boolean isPlanId(String id) {
    int n = id.length();
    if (n < 1 || n > 64) return false;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
  }

  /** {@code \\d{4}-\\d{2}-\\d{2}} (ASCII digits), checked without a matcher. */
  static boolean isDateShape(String t) {
    return t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
        && Ascii.digits(t, 0, 4) && Ascii.digits(t, 5, 7) && Ascii.digits(t, 8, 10);
  }

  /**
   * {@code DASH.split(t)} without the regular expression in the usual cases: no '-' gives
   * {@code t} itself; one '-' inside text without whitespace gives the two sides.
   */
  static String[] splitDash(String t) {
    int dash = t.indexOf('-');
    if (dash < 0) return new String[] {t};
    if (dash == 0 || dash == t.length() - 1 || t.indexOf('-', dash + 1) >= 0) return Rx.DASH.split(t);
    for (int i = 0; i < t.length(); i++) {
      if (Character.isWhitespace(t.charAt(i))) return Rx.DASH.split(t);
    }
    return new String[] {t.substring(0, dash), t.substring(dash + 1)};
  }

  /** Made on first use (an invalid date): the formatter classes cost start-up time on every run. */
  private static final class Strict {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  }

  /** Reads {@code path} and loads it. */
  public Plan load(Path path) throws InputException {
    String name = path.toString();
    return load(name, read(path, name, Pos.of(name)), path.toAbsolutePath().getParent());
  }

  /** Loads plan text that came from {@code name} ({@code -} for standard input); relative {@code extends} resolve against {@code dir}. */
  public Plan load(String name, String text, Path dir) throws InputException {
    YMap own = YamlTree.parse(name, text);
    Deque<String> chain = new ArrayDeque<>();
    chain.push(name);
    YMap merged = resolveExtends(own, name, dir, chain, new Root(dir));
    return new Binder(name).bind(merged);
  }

  /**
   * The directory that {@code extends} paths may not leave: the working directory (the repository
   * root, in CI) when the plan is inside it, else the plan's own directory. So a plan from a pull
   * request cannot pull in, and have kplan quote lines of, a YAML file elsewhere on the machine
   * (a token file, a CI configuration). Symbolic links are resolved before the check.
   */
  static Path templateRoot(Path dir) {
    Path cwd = realOrAbsolute(Path.of(""));
    if (dir == null) return cwd;
    Path d = realOrAbsolute(dir);
    return d.startsWith(cwd) ? cwd : d;
  }

  /** {@link #templateRoot} of a plan's directory, found on first use: only plans that extend a file need it. */
  private static final class Root {
    private final Path dir;
    private Path root;

    Root(Path dir) {
      this.dir = dir;
    }

    Path get() {
      if (root == null) root = templateRoot(dir);
      return root;
    }
  }

  private static Path realOrAbsolute(Path p) {
    try {
      return p.toAbsolutePath().toRealPath();
    } catch (IOException | RuntimeException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /**
   * Reads a file as UTF-8 text with the size limit; problems become input errors. Never reads more
   * than {@link YamlTree#MAX_BYTES} + 1 bytes, so a device ({@code /dev/zero}) or an endless pipe
   * is refused instead of filling memory. Pipes and FIFOs are read (as {@code <(cmd)} gives).
   */
  public static String read(Path path, String name, Pos where) throws InputException {
    try {
      if (Files.isDirectory(path)) throw new InputException(where, name + " is a directory, not a plan file");
      if (Files.isRegularFile(path)) {
        long size = Files.size(path);
        if (size > YamlTree.MAX_BYTES) {
          throw new InputException(where, name + " is " + size + " bytes; plans may be at most " + YamlTree.MAX_BYTES + " bytes (1 MiB)");
        }
      }
      return decode(readBounded(path), name, where);
    } catch (NoSuchFileException e) {
      throw new InputException(where, "no such file: " + name);
    } catch (AccessDeniedException e) {
      throw new InputException(where, "cannot read " + name + ": permission denied");
    } catch (IOException e) {
      String why = e instanceof FileSystemException fe && fe.getReason() != null ? fe.getReason() : e.getMessage();
      throw new InputException(where, "cannot read " + name + ": " + why);
    }
  }

  /**
   * At most {@link YamlTree#MAX_BYTES} + 1 bytes of {@code path}: enough for {@link #decode} to see
   * that a file is too large, and never an endless read of a device or pipe.
   */
  public static byte[] readBounded(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(YamlTree.MAX_BYTES + 1);
    }
  }

  /** Decodes UTF-8 strictly: a binary file gets a clear message instead of garbage. */
  public static String decode(byte[] bytes, String name, Pos where) throws InputException {
    if (bytes.length > YamlTree.MAX_BYTES) {
      throw new InputException(where, name + " is more than " + YamlTree.MAX_BYTES + " bytes; plans may be at most 1 MiB");
    }
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new InputException(where, name + " is UTF-16 (or UTF-32) text; save the plan as UTF-8");
    }
    if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF) {
      throw new InputException(where, name + " is UTF-32 text; save the plan as UTF-8");
    }
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      if (bytes[i] == 0) throw new InputException(where, name + " is a binary file, not a YAML plan");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(where, name + " is not UTF-8 text (a binary file, or another encoding); save the plan as UTF-8");
    }
  }

  private YMap resolveExtends(YMap own, String name, Path dir, Deque<String> chain, Root roots) throws InputException {
    Entry ext = own.entries().get("extends");
    if (ext == null) return own;
    if (!(ext.value() instanceof YScalar s) || s.isNull() || s.type() != ScalarType.STRING) {
      throw new InputException(List.of(problem(Codes.PLN_BAD_VALUE, ext.value().pos(),
          "`extends` takes a template name or a relative path, found " + ext.value().describe())));
    }
    String ref = s.text().trim();
    String childName;
    String text;
    Path childDir;
    if (ref.contains("/") || ref.contains("\\") || ref.endsWith(".yaml") || ref.endsWith(".yml")) {
      if (!ref.endsWith(".yaml") && !ref.endsWith(".yml")) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(),
            "`extends` takes a built-in template name or a relative path to a .yaml or .yml file; found \"" + ref + "\"")));
      }
      Path p;
      try {
        p = Path.of(ref);
      } catch (InvalidPathException e) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(), "`extends` is not a valid file name: " + e.getReason())));
      }
      if (p.isAbsolute()) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(), "`extends` takes a relative path; `" + ref + "` is absolute")));
      }
      Path base = dir == null ? Path.of("").toAbsolutePath() : dir;
      Path resolved = base.resolve(p).normalize();
      childName = relativeName(resolved);
      if (!Files.isRegularFile(resolved)) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(), "template file not found: " + ref + " (looked for " + childName + ")")));
      }
      Path root = roots.get();
      if (!realOrAbsolute(resolved).startsWith(root)) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(),
            "`extends: " + ref + "` leads outside " + root + "; a template file must be inside the directory kplan runs in (or the plan's own directory)")));
      }
      text = read(resolved, childName, s.pos());
      childDir = resolved.getParent();
    } else {
      var t = Templates.text(ref);
      if (t.isEmpty()) {
        throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(),
            "unknown template `" + ref + "`" + Suggest.didYouMean(ref, Templates.names())
                + " (built-in: " + String.join(", ", Templates.names()) + "; a file needs a path such as ./" + ref + ".yaml)")));
      }
      childName = "template:" + ref;
      text = t.get();
      childDir = dir;
    }
    if (chain.contains(childName)) {
      List<String> cycle = new ArrayList<>(chain);
      java.util.Collections.reverse(cycle);
      cycle.add(childName);
      throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(), "template cycle: " + String.join(" → ", cycle))));
    }
    if (chain.size() > MAX_EXTENDS) {
      throw new InputException(List.of(problem(Codes.PLN_REFERENCE, s.pos(), "`extends` is nested more than " + MAX_EXTENDS + " deep")));
    }
    YMap parent = childName.startsWith("template:") ? builtIn(childName, text) : YamlTree.parse(childName, text);
    chain.push(childName);
    YMap resolvedParent = resolveExtends(parent, childName, childDir, chain, roots);
    chain.pop();
    return merge(resolvedParent, own);
  }

  /** Parsed built-in templates by name: the jar's text never changes and YNode trees are immutable. */
  private static final java.util.concurrent.ConcurrentHashMap<String, YMap> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

  private static YMap builtIn(String name, String text) throws InputException {
    YMap m = BUILT_IN.get(name);
    if (m == null) {
      m = YamlTree.parse(name, text); // a template that fails to parse is not cached: the error repeats
      BUILT_IN.putIfAbsent(name, m);
    }
    return m;
  }

  private static String relativeName(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    try {
      Path rel = cwd.relativize(p);
      return rel.toString().isEmpty() ? p.toString() : rel.toString();
    } catch (IllegalArgumentException e) {
      return p.toString();
    }
  }

  /**
   * Mappings that are one value and replace as a whole: a dose ({@code mgPerKg} or {@code mg}, not
   * both) and a clinic's weekly hours (a plan's {@code mon-thu} must not meet its template's
   * {@code mon-fri}).
   */
  private static final Set<String> REPLACED_WHOLE = Set.of("dose", "hours");

  /**
   * Maps merge key by key, except {@link #REPLACED_WHOLE}; lists and scalars of {@code over}
   * replace those of {@code base}.
   */
  static YMap merge(YMap base, YMap over) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Entry e : base.entries().values()) {
      if (e.key().equals("extends")) continue;
      Entry o = over.entries().get(e.key());
      if (o == null) {
        out.put(e.key(), e);
      } else if (e.value() instanceof YMap bm && o.value() instanceof YMap om && !REPLACED_WHOLE.contains(e.key())) {
        out.put(e.key(), new Entry(o.key(), o.keyPos(), merge(bm, om)));
      } else {
        out.put(e.key(), o);
      }
    }
    for (Entry o : over.entries().values()) {
      if (o.key().equals("extends")) continue;
      out.putIfAbsent(o.key(), o);
    }
    return new YMap(over.pos(), out);
  }

  /**
   * A section of a built-in template (its follow-ups, habits, therapy or session tasks) as bound
   * for plans with the same number of sessions and phase names. Plans that extend a built-in
   * template and do not replace a section share the template's very node (templates are parsed
   * once and YNode trees are immutable), and binding it again gives equal immutable records, so
   * the records are bound once. Only nodes of the cached built-in trees are keys (by identity),
   * and only sections that bound without a problem are kept.
   */
  static final class SectionKey {
    private static final java.util.concurrent.ConcurrentHashMap<SectionKey, Object> BOUND = new java.util.concurrent.ConcurrentHashMap<>();
    /** Most sections kept; later ones are bound for every plan, as before. */
    private static final int MAX_BOUND = 512;

    private final YNode node;
    private final int total;
    private final String phases;

    private SectionKey(YNode node, int total, String phases) {
      this.node = node;
      this.total = total;
      this.phases = phases;
    }

    /** The key of {@code node} when it is the node at {@code path} of the built-in template it comes from, else null. */
    static SectionKey of(YNode node, int total, Set<String> phases, String... path) {
      if (node == null) return null;
      String file = node.pos().file();
      if (!file.startsWith("template:")) return null;
      YNode cur = BUILT_IN.get(file);
      for (String key : path) {
        if (!(cur instanceof YMap m)) return null;
        cur = m.get(key);
      }
      if (cur != node) return null;
      return new SectionKey(node, total, phases == null ? "" : String.join("\n", phases));
    }

    static Object get(SectionKey k) {
      return k == null ? null : BOUND.get(k);
    }

    static void put(SectionKey k, Object bound) {
      // bounded: plans with ever new session counts or phase names must not grow it without end
      if (k != null && bound != null && BOUND.size() < MAX_BOUND) BOUND.putIfAbsent(k, bound);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SectionKey k && k.node == node && k.total == total && k.phases.equals(phases);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(node) * 31 + total) * 31 + phases.hashCode();
    }
  }

  static Finding problem(String code, Pos pos, String message) {
    return new Finding(code, Severity.ERROR, message, pos, null);
  }

  /** Binds a merged tree to records, collecting every problem. */
  private static final class Binder {
    private final String file;
    private final List<Finding> problems = new ArrayList<>();

    Binder(String file) {
      this.file = file;
    }

    Plan bind(YMap root) throws InputException {
      keys(root, Vocabulary.TOP, "the plan");
      Integer version = integer(root, "version", 1, 1, true);
      if (version == null && root.get("version") == null) version = null;
      String kind = oneOf(root, "kind", Vocabulary.KINDS, false);
      if (kind == null) kind = "plan";
      boolean template = kind.equals("template");
      String id = str(root, "id", !template);
      if (id != null && !isPlanId(id)) {
        err(Codes.PLN_BAD_VALUE, at(root, "id"), "`id` must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (it names files and calendar UIDs); found \"" + id + "\"");
        id = null;
      }
      Patient patient = patient(map(root, "patient", !template), template);
      ZoneId zone = zone(root, "timezone", !template);
      LocalDate start = date(root, "start", !template);
      Clinic clinic = clinic(map(root, "clinic", false));
      Ketamine ket = ketamine(map(root, "ketamine", !template), template);
      YMap therapyMap = map(root, "therapy", false);
      SectionKey therapyKey = SectionKey.of(therapyMap, -1, null, "therapy");
      Therapy therapy = (Therapy) SectionKey.get(therapyKey);
      if (therapy == null) {
        int before = problems.size();
        therapy = therapy(therapyMap);
        if (problems.size() == before) SectionKey.put(therapyKey, therapy);
      }
      int total = 0;
      Set<String> phaseNames = new TreeSet<>();
      if (ket != null) {
        for (Phase p : ket.phases()) {
          total += p.sessions();
          phaseNames.add(p.name());
        }
      }
      @SuppressWarnings("unchecked")
      List<Habit> habits = (List<Habit>) section(list(root, "habits"), total, phaseNames, "habits");
      @SuppressWarnings("unchecked")
      List<FollowUp> followUps = (List<FollowUp>) section(list(root, "followUp"), total, phaseNames, "followUp");
      List<Waiver> waivers = waivers(list(root, "waivers"), total);
      YNode rules = root.get("rules");
      YMap rulesMap = null;
      if (rules instanceof YMap rm) rulesMap = rm;
      else if (rules != null && !(rules instanceof YScalar rs && rs.isNull())) {
        err(Codes.PLN_BAD_VALUE, rules.pos(), "`rules` takes a mapping of rule codes to settings, found " + rules.describe());
      }
      if (!problems.isEmpty()) throw new InputException(problems);
      return new Plan(version == null ? 1 : version, kind, id, patient, zone, start, clinic, ket, therapy,
          habits, followUps, waivers, rulesMap, root, file);
    }

    // ---------------------------------------------------------------- sections

    private Patient patient(YMap m, boolean template) {
      if (m == null) return null;
      keys(m, Vocabulary.PATIENT, "patient");
      String ref = str(m, "ref", !template);
      BigDecimal weight = decimal(m, "weightKg", new BigDecimal("0.5"), new BigDecimal("500"));
      return new Patient(ref, str(m, "initials", false), date(m, "birthDate", false), weight,
          date(m, "guardianConsent", false), date(m, "assent", false),
          words(m, "contraindications", Vocabulary.CONTRAINDICATIONS),
          words(m, "medications", Vocabulary.MEDICATIONS));
    }

    private Clinic clinic(YMap m) {
      if (m == null) return new Clinic(null, defaultHours(), List.of(), null, null);
      keys(m, Vocabulary.CLINIC, "clinic");
      Map<DayOfWeek, Hours> hours = m.get("hours") == null ? defaultHours() : hours(map(m, "hours", false));
      List<DateRange> closed = new ArrayList<>();
      YList cl = list(m, "closed");
      if (cl != null) {
        for (YNode n : cl.items()) {
          DateRange r = dateRange(n);
          if (r != null) closed.add(r);
        }
      }
      String holidays = str(m, "holidays", false);
      if (holidays != null) {
        String msg = HolidayCalendars.check(holidays);
        if (msg != null) err(Codes.PLN_BAD_VALUE, m.get("holidays").pos(), msg);
      }
      Integer chairs = integer(m, "chairs", 1, 1000, false);
      return new Clinic(str(m, "name", false), hours, List.copyOf(closed), holidays, chairs);
    }

    private static Map<DayOfWeek, Hours> defaultHours() {
      Map<DayOfWeek, Hours> h = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
        h.put(d, new Hours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      }
      return h;
    }

    private Map<DayOfWeek, Hours> hours(YMap m) {
      Map<DayOfWeek, Hours> h = new EnumMap<>(DayOfWeek.class);
      if (m == null) return h;
      for (Entry e : m.entries().values()) {
        List<DayOfWeek> days = weekdayExpr(e.key(), e.keyPos());
        if (days == null) continue;
        if (e.value() instanceof YScalar c && c.text().trim().equalsIgnoreCase(CLOSED)) {
          // closes days that a template opens (a plan cannot remove a template's key)
          for (DayOfWeek d : days) h.remove(d);
          continue;
        }
        Hours hrs = hoursValue(e.value());
        if (hrs == null) continue;
        for (DayOfWeek d : days) {
          if (h.containsKey(d)) {
            err(Codes.PLN_DUPLICATE_KEY, e.keyPos(), "clinic hours for " + Vocabulary.WEEKDAYS.get(d.ordinal()) + " are given twice");
          }
          h.put(d, hrs);
        }
      }
      return h;
    }

    private Hours hoursValue(YNode n) {
      if (!(n instanceof YScalar s) || s.isNull()) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "expected opening hours such as \"08:00-18:00\" (or closed), found " + n.describe());
        return null;
      }
      String[] parts = splitDash(s.text());
      if (parts.length != 2) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "expected opening hours such as \"08:00-18:00\" (or closed), found \"" + s.text() + "\"");
        return null;
      }
      LocalTime open = parseTime(parts[0].trim(), n.pos(), false);
      boolean endOfDay = parts[1].trim().equals("24:00");
      LocalTime close = endOfDay ? null : parseTime(parts[1].trim(), n.pos(), false);
      if (open == null || (!endOfDay && close == null)) return null;
      if (close != null && !close.isAfter(open)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "opening hours \"" + s.text() + "\" close before they open");
        return null;
      }
      return new Hours(open, close);
    }

    private Ketamine ketamine(YMap m, boolean template) {
      if (m == null) return null;
      keys(m, Vocabulary.KETAMINE, "ketamine");
      String route = oneOf(m, "route", Vocabulary.ROUTES, !template);
      String indication = oneOf(m, "indication", Vocabulary.INDICATIONS, false);
      Dose dose = dose(map(m, "dose", !template), "ketamine.dose");
      PlanDuration dosing = duration(m, "dosing", false, false);
      PlanDuration monitoring = duration(m, "monitoring", false, false);
      LocalTime time = time(m, "time", false);
      List<DayOfWeek> days = weekdays(m, "days");
      PlanDuration minSpacing = duration(m, "minSpacing", false, false);
      List<Phase> phases = new ArrayList<>();
      YList pl = list(m, "phases");
      if (pl == null) {
        if (!template) err(Codes.PLN_MISSING, at(m, null), "`ketamine.phases` is required: the phases of dosing sessions, e.g. `- { name: induction, sessions: 6, perWeek: 2 }`");
      } else {
        Set<String> names = new HashSet<>();
        int total = 0;
        for (int i = 0; i < pl.items().size(); i++) {
          Phase p = phase(pl.items().get(i), i, dose == null && !template);
          if (p == null) continue;
          if (!names.add(p.name())) err(Codes.PLN_DUPLICATE_KEY, pl.items().get(i).pos(), "phase name `" + p.name() + "` is used twice");
          total += p.sessions();
          phases.add(p);
        }
        if (pl.items().isEmpty() && !template) err(Codes.PLN_MISSING, pl.pos(), "`ketamine.phases` is empty; give at least one phase");
        if (total > MAX_SESSIONS) {
          err(Codes.PLN_BAD_VALUE, pl.pos(), "the phases ask for " + total + " dosing sessions; a plan may have at most " + MAX_SESSIONS);
        }
        long span = 0;
        for (Phase p : phases) {
          span += p.every() != null ? p.sessions() * p.every().days() : 7L * ((p.sessions() + p.perWeek() - 1) / p.perWeek());
        }
        if (span > MAX_SPAN_DAYS) {
          err(Codes.PLN_BAD_VALUE, pl.pos(), "the phases run for about " + span / 365 + " years (" + span
              + " days); a plan may span at most 10 years (" + MAX_SPAN_DAYS + " days)");
        }
      }
      YList tl = list(m, "sessionTasks");
      SectionKey taskKey = SectionKey.of(tl, -1, null, "ketamine", "sessionTasks");
      @SuppressWarnings("unchecked")
      List<SessionTask> tasks = (List<SessionTask>) SectionKey.get(taskKey);
      if (tasks == null) {
        int before = problems.size();
        tasks = sessionTasks(tl);
        if (problems.size() == before) SectionKey.put(taskKey, tasks);
      }
      String rationale = str(m, "offLabelRationale", false);
      return new Ketamine(route, indication, dose,
          dosing == null ? PlanDuration.ofMinutes(40) : dosing,
          monitoring == null ? PlanDuration.ofMinutes(120) : monitoring,
          time, days, minSpacing, List.copyOf(phases), tasks, rationale);
    }

    private List<SessionTask> sessionTasks(YList tl) {
      List<SessionTask> tasks = new ArrayList<>();
      if (tl != null) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tl.items().size(); i++) {
          YMap t = itemMap(tl.items().get(i), "a session task such as { name: \"Vitals\", at: -15m }");
          if (t == null) continue;
          keys(t, Vocabulary.TASK, "sessionTasks item");
          String name = str(t, "name", true);
          PlanDuration at = duration(t, "at", true, true);
          String kind = oneOf(t, "kind", Vocabulary.TASK_KINDS, false);
          PlanDuration dur = duration(t, "duration", false, false);
          String id = str(t, "id", false);
          if (id != null && !isItemId(id)) {
            err(Codes.PLN_BAD_VALUE, at(t, "id"), "a task `id` is lowercase letters, digits and '-'; found \"" + id + "\"");
          }
          if (name == null || at == null) continue;
          if (id == null) id = Slug.taskId(name);
          String unique = id;
          for (int k = 2; !ids.add(unique); k++) unique = id + "-" + k;
          if (kind == null) kind = Slug.inferTaskKind(name);
          tasks.add(new SessionTask(unique, name, at, kind, dur == null ? PlanDuration.ofMinutes(15) : dur, i));
        }
      }
      return List.copyOf(tasks);
    }

    private Phase phase(YNode n, int index, boolean needsDose) {
      YMap m = itemMap(n, "a phase such as { name: induction, sessions: 6, perWeek: 2 }");
      if (m == null) return null;
      keys(m, Vocabulary.PHASE, "phase");
      String name = str(m, "name", true);
      Integer sessions = integer(m, "sessions", 1, MAX_SESSIONS, true);
      Integer perWeek = integer(m, "perWeek", 1, 7, false);
      PlanDuration every = duration(m, "every", false, false);
      if (every != null && every.days() == 0) {
        err(Codes.PLN_BAD_VALUE, at(m, "every"), "a phase's `every` is in days or weeks (such as 1w or 10d), found " + every);
        every = null;
      }
      if (perWeek != null && m.get("every") != null) {
        err(Codes.PLN_BAD_VALUE, at(m, "every"), "a phase has either `perWeek` or `every`, not both");
      } else if (perWeek == null && m.get("every") == null && m.get("perWeek") == null) {
        err(Codes.PLN_MISSING, m.pos(), "phase " + (name == null ? "#" + (index + 1) : "`" + name + "`") + " needs `perWeek: N` or `every: DURATION`");
      }
      Dose dose = dose(map(m, "dose", false), "phase dose");
      List<DayOfWeek> days = weekdays(m, "days");
      if (perWeek != null && days != null && days.size() < perWeek) {
        err(Codes.PLN_BAD_VALUE, at(m, "days"), "phase `" + name + "` has perWeek " + perWeek + " but only " + days.size() + " day(s) in `days`");
      }
      LocalTime time = time(m, "time", false);
      if (name != null && !isPhaseName(name)) {
        err(Codes.PLN_BAD_VALUE, at(m, "name"), "a phase name is letters, digits, '_' and '-' (it is used in milestones such as `phase-end:NAME`); found \"" + name + "\"");
        name = null;
      }
      if (name == null || sessions == null || (perWeek == null && every == null)) return null;
      return new Phase(name, sessions, perWeek, every, dose, days, time, index);
    }

    private Dose dose(YMap m, String what) {
      if (m == null) return null;
      keys(m, Vocabulary.DOSE, what);
      BigDecimal perKg = decimal(m, "mgPerKg", new BigDecimal("0.01"), new BigDecimal("10"));
      BigDecimal mg = decimal(m, "mg", new BigDecimal("1"), new BigDecimal("2000"));
      if (m.get("mgPerKg") != null && m.get("mg") != null) {
        err(Codes.PLN_BAD_VALUE, m.pos(), "a dose is either `mgPerKg` or `mg`, not both");
        return null;
      }
      if (m.get("mgPerKg") == null && m.get("mg") == null) {
        err(Codes.PLN_MISSING, m.pos(), "a dose needs `mgPerKg` (as in { mgPerKg: 0.5 }) or `mg` (as in { mg: 56 })");
        return null;
      }
      if (perKg == null && mg == null) return null;
      return new Dose(perKg, mg);
    }

    private Therapy therapy(YMap m) {
      if (m == null) return null;
      keys(m, Vocabulary.THERAPY, "therapy");
      PlanDuration dur = duration(m, "duration", false, false);
      PlanDuration from = null, to = null;
      YMap w = map(m, "window", false);
      if (w != null) {
        keys(w, Vocabulary.WINDOW, "therapy.window");
        from = duration(w, "from", false, true);
        to = duration(w, "to", false, true);
        if (from != null && to != null && to.compareTo(from) <= 0) {
          err(Codes.PLN_BAD_VALUE, at(w, "to"), "the therapy window ends (" + to + ") before it starts (" + from + ")");
        }
      }
      Integer pref = integer(m, "preferredDay", 0, 60, false);
      Integer per = integer(m, "perSession", 0, 10, false);
      if (dur != null && dur.isZero()) err(Codes.PLN_BAD_VALUE, at(m, "duration"), "therapy duration must be more than 0");
      return new Therapy(str(m, "modality", false), dur == null ? PlanDuration.ofMinutes(50) : dur,
          from == null ? PlanDuration.ofMinutes(24 * 60) : from, to == null ? PlanDuration.ofMinutes(72 * 60) : to,
          pref == null ? 1 : pref, time(m, "time", false), per == null ? 1 : per);
    }

    /**
     * The bound {@code habits} or {@code followUp} section: from {@link SectionKey}'s cache when a
     * plan (a built-in template's, most often) gave the same section before, else bound now and
     * kept when binding reported no problem.
     */
    private List<?> section(YList l, int total, Set<String> phases, String name) {
      SectionKey key = SectionKey.of(l, total, phases, name);
      List<?> bound = (List<?>) SectionKey.get(key);
      if (bound == null) {
        int before = problems.size();
        bound = name.equals("habits") ? habits(l, total, phases) : followUps(l, total, phases);
        if (problems.size() == before) SectionKey.put(key, bound);
      }
      return bound;
    }

    private List<Habit> habits(YList l, int total, Set<String> phases) {
      if (l == null) return List.of();
      List<Habit> out = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<YMap> maps = new ArrayList<>();
      for (YNode n : l.items()) {
        YMap m = itemMap(n, "a habit such as { name: Sleep routine, kind: sleep, every: day, time: \"22:00\" }");
        maps.add(m);
        if (m == null) {
          ids.add(null);
          continue;
        }
        keys(m, Vocabulary.HABIT, "habits item");
        String kind = oneOf(m, "kind", Vocabulary.HABIT_KINDS, false);
        String name = str(m, "name", true);
        ids.add(explicitId(m, name, kind));
      }
      List<String> unique = Slug.uniqueIds(ids, maps, "kind");
      for (int i = 0; i < maps.size(); i++) {
        YMap m = maps.get(i);
        if (m == null) continue;
        String name = str(m, "name", false);
        String kind = oneOf(m, "kind", Vocabulary.HABIT_KINDS, false);
        Recurrence every = recurrence(m, "every", true);
        LocalTime time = time(m, "time", false);
        PlanDuration dur = duration(m, "duration", false, false);
        Milestone from = milestone(m, "from", total, phases);
        Milestone until = milestone(m, "until", total, phases);
        if (name == null || every == null) continue;
        out.add(new Habit("habit-" + unique.get(i), name, kind == null ? "other" : kind, every, time,
            dur == null ? PlanDuration.ZERO : dur, from, until, i));
      }
      return List.copyOf(out);
    }

    private List<FollowUp> followUps(YList l, int total, Set<String> phases) {
      if (l == null) return List.of();
      List<FollowUp> out = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<YMap> maps = new ArrayList<>();
      for (YNode n : l.items()) {
        YMap m = itemMap(n, "a follow-up such as { name: Family session, kind: family, every: 1w, day: thu }");
        maps.add(m);
        if (m == null) {
          ids.add(null);
          continue;
        }
        keys(m, Vocabulary.FOLLOW_UP, "followUp item");
        ids.add(explicitId(m, str(m, "name", true), oneOf(m, "kind", Vocabulary.FOLLOW_UP_KINDS, false)));
      }
      List<String> unique = Slug.uniqueIds(ids, maps, "kind");
      for (int i = 0; i < maps.size(); i++) {
        YMap m = maps.get(i);
        if (m == null) continue;
        String name = str(m, "name", false);
        String kind = oneOf(m, "kind", Vocabulary.FOLLOW_UP_KINDS, false);
        Recurrence every = recurrence(m, "every", false);
        DayOfWeek day = null;
        if (m.get("day") != null) {
          List<DayOfWeek> d = weekdays(m, "day");
          if (d != null && d.size() == 1) day = d.get(0);
          else if (d != null) err(Codes.PLN_BAD_VALUE, at(m, "day"), "`day` is one weekday, such as thu");
        }
        LocalTime time = time(m, "time", false);
        PlanDuration dur = duration(m, "duration", false, false);
        Milestone from = milestone(m, "from", total, phases);
        Milestone until = milestone(m, "until", total, phases);
        List<Milestone> at = new ArrayList<>();
        YNode atNode = m.get("at");
        if (atNode instanceof YList al) {
          for (YNode a : al.items()) {
            Milestone ms = milestoneNode(a, total, phases);
            if (ms != null) at.add(ms);
          }
        } else if (atNode != null) {
          Milestone ms = milestoneNode(atNode, total, phases);
          if (ms != null) at.add(ms);
        }
        boolean hasEvery = m.get("every") != null;
        if (hasEvery && atNode != null) {
          err(Codes.PLN_BAD_VALUE, at(m, "at"), "a follow-up is either recurring (`every`) or at milestones (`at`), not both");
        } else if (!hasEvery && atNode == null) {
          err(Codes.PLN_MISSING, m.pos(), "follow-up " + (name == null ? "" : "`" + name + "` ") + "needs `every: DURATION` (recurring) or `at: MILESTONE` (one-off)");
        }
        if (!hasEvery && (m.get("day") != null || m.get("from") != null || m.get("until") != null)) {
          err(Codes.PLN_BAD_VALUE, m.pos(), "`day`, `from` and `until` apply to recurring follow-ups (with `every`)");
        }
        if (name == null || (every == null && at.isEmpty())) continue;
        out.add(new FollowUp("fup-" + unique.get(i), name, kind == null ? "other" : kind, every, day, time, dur,
            from, until, List.copyOf(at), i));
      }
      return List.copyOf(out);
    }

    private String explicitId(YMap m, String name, String kind) {
      String id = str(m, "id", false);
      if (id != null && !isItemId(id)) {
        err(Codes.PLN_BAD_VALUE, at(m, "id"), "an `id` is lowercase letters, digits and '-'; found \"" + id + "\"");
        return null;
      }
      return id;
    }

    private List<Waiver> waivers(YList l, int total) {
      if (l == null) return List.of();
      List<Waiver> out = new ArrayList<>();
      for (int i = 0; i < l.items().size(); i++) {
        YMap m = itemMap(l.items().get(i), "a waiver such as { rule: KET012, reason: \"...\", approvedBy: Dr. A. Smith }");
        if (m == null) continue;
        keys(m, Vocabulary.WAIVER, "waivers item");
        String rule = str(m, "rule", true);
        if (rule != null && !isRuleCode(rule)) {
          err(Codes.PLN_BAD_VALUE, at(m, "rule"), "a waiver's `rule` is a rule code such as KET012; found \"" + rule + "\"");
        }
        List<Integer> sessions = new ArrayList<>();
        YNode s = m.get("sessions");
        if (s instanceof YList sl) {
          for (YNode x : sl.items()) {
            Integer v = intValue(x, 1, Math.max(1, total));
            if (v != null) sessions.add(v);
          }
        } else if (s != null) {
          Integer v = intValue(s, 1, Math.max(1, total));
          if (v != null) sessions.add(v);
        }
        out.add(new Waiver(rule, str(m, "reason", false), str(m, "approvedBy", false), List.copyOf(sessions), m.pos(), i));
      }
      return List.copyOf(out);
    }

    // ---------------------------------------------------------------- values

    private void keys(YMap m, List<String> allowed, String where) {
      for (Entry e : m.entries().values()) {
        if (e.key().equals("<<")) {
          err(Codes.PLN_UNKNOWN_KEY, e.keyPos(), "YAML merge keys (`<<`) are not supported in plans; use `extends:` to share settings");
        } else if (!allowed.contains(e.key())) {
          err(Codes.PLN_UNKNOWN_KEY, e.keyPos(), "unknown key `" + e.key() + "` in " + where
              + Suggest.didYouMean(e.key(), allowed) + (Suggest.nearest(e.key(), allowed) == null ? " (expected one of: " + String.join(", ", allowed) + ")" : ""));
        }
      }
    }

    private Pos at(YMap m, String key) {
      if (key == null) return m.pos();
      Entry e = m.entries().get(key);
      return e == null ? m.pos() : e.value().pos();
    }

    private YScalar scalar(YMap m, String key, boolean required, String expected) {
      return scalar(m, key, required, expected, null);
    }

    /** {@code expected}, or when {@code oneOf} is given, "one of" its words (joined only for a message). */
    private YScalar scalar(YMap m, String key, boolean required, String expected, List<String> oneOf) {
      YNode n = m.get(key);
      if (n instanceof YScalar s && !s.isNull()) return s;
      if (oneOf != null) expected = "one of " + String.join(", ", oneOf);
      if (n == null || (n instanceof YScalar s && s.isNull())) {
        if (required) err(Codes.PLN_MISSING, n == null ? m.pos() : n.pos(), "`" + key + "` is required" + (expected == null ? "" : ": " + expected));
        return null;
      }
      if (!(n instanceof YScalar s)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects " + (expected == null ? "a single value" : expected) + ", found " + n.describe());
        return null;
      }
      return s;
    }

    private String str(YMap m, String key, boolean required) {
      YScalar s = scalar(m, key, required, "text");
      if (s == null) return null;
      String t = s.text().trim();
      if (t.isEmpty()) {
        if (required) err(Codes.PLN_MISSING, s.pos(), "`" + key + "` must not be empty");
        return null;
      }
      return t;
    }

    private String oneOf(YMap m, String key, List<String> allowed, boolean required) {
      YScalar s = scalar(m, key, required, null, allowed);
      if (s == null) return null;
      String v = s.text().trim();
      if (!allowed.contains(v)) {
        err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` must be one of " + String.join(", ", allowed) + ", found \"" + v + "\"" + Suggest.didYouMean(v, allowed));
        return null;
      }
      return v;
    }

    private Integer integer(YMap m, String key, int min, int max, boolean required) {
      YNode n = m.get(key);
      if (n == null) {
        if (required) err(Codes.PLN_MISSING, m.pos(), "`" + key + "` is required: a whole number");
        return null;
      }
      return intValue(n, min, max, key);
    }

    private Integer intValue(YNode n, int min, int max) {
      return intValue(n, min, max, null);
    }

    private Integer intValue(YNode n, int min, int max, String key) {
      String what = key == null ? "" : "`" + key + "` ";
      if (!(n instanceof YScalar s) || s.type() != ScalarType.INT) {
        err(Codes.PLN_BAD_VALUE, n.pos(), what + "expects a whole number from " + min + " to " + max + ", found " + n.describe());
        return null;
      }
      long v;
      try {
        v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
      } catch (NumberFormatException e) {
        v = Long.MAX_VALUE;
      }
      if (v < min || v > max) {
        err(Codes.PLN_BAD_VALUE, n.pos(), what + "must be from " + min + " to " + max + ", found " + s.text());
        return null;
      }
      return (int) v;
    }

    private BigDecimal decimal(YMap m, String key, BigDecimal min, BigDecimal max) {
      YNode n = m.get(key);
      if (n == null) return null;
      if (!(n instanceof YScalar s) || (s.type() != ScalarType.INT && s.type() != ScalarType.FLOAT)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a number, found " + n.describe());
        return null;
      }
      BigDecimal v;
      try {
        v = new BigDecimal(s.text().replace("_", ""));
      } catch (NumberFormatException e) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a plain decimal number, found " + s.text());
        return null;
      }
      if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` must be from " + min.toPlainString() + " to " + max.toPlainString() + ", found " + s.text());
        return null;
      }
      return v;
    }

    private LocalDate date(YMap m, String key, boolean required) {
      YScalar s = scalar(m, key, required, "a date such as 2026-12-01");
      return s == null ? null : parseDate(s.text().trim(), s.pos());
    }

    private LocalDate parseDate(String t, Pos pos) {
      if (!isDateShape(t)) {
        err(Codes.PLN_BAD_VALUE, pos, "expected a date as YYYY-MM-DD, such as 2026-12-01; found \"" + t + "\"");
        return null;
      }
      try {
        LocalDate d = quickDate(t);
        if (d == null) d = LocalDate.parse(t, Strict.DATE);
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
          err(Codes.PLN_BAD_VALUE, pos, t + " is outside the dates kplan accepts (" + MIN_DATE + " to " + MAX_DATE + ")");
          return null;
        }
        return d;
      } catch (DateTimeException e) {
        String why = e.getMessage();
        int c = why == null ? -1 : why.indexOf(": ");
        err(Codes.PLN_BAD_VALUE, pos, t + " is not a date" + (c > 0 ? " (" + why.substring(why.lastIndexOf(": ") + 2) + ")" : ""));
        return null;
      }
    }

    /**
     * A date that already matched {@code \\d{4}-\\d{2}-\\d{2}}, without the formatter: the same
     * date as the strict {@code uuuu-MM-dd} parse for every real date. Null when it is not one (or
     * the digits are not ASCII), so that the formatter reports the problem as before.
     */
    private static LocalDate quickDate(String t) {
      if (t.length() != 10) return null;
      int y = Ascii.number(t, 0, 4), m = Ascii.number(t, 5, 7), d = Ascii.number(t, 8, 10);
      if (y < 0 || m < 1 || m > 12 || d < 1 || d > 28 && d > java.time.Month.of(m).length(java.time.chrono.IsoChronology.INSTANCE.isLeapYear(y))) return null;
      // (Month, not YearMonth or Year: their class set-up builds a DateTimeFormatter, on every run)
      return LocalDate.of(y, m, d);
    }

    private DateRange dateRange(YNode n) {
      if (!(n instanceof YScalar s) || s.isNull()) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "expected a date (2026-12-25) or a range (\"2026-12-24..2027-01-01\"), found " + n.describe());
        return null;
      }
      String t = s.text().trim();
      int dots = t.indexOf("..");
      if (dots < 0) {
        LocalDate d = parseDate(t, s.pos());
        return d == null ? null : new DateRange(d, d);
      }
      LocalDate a = parseDate(t.substring(0, dots).trim(), s.pos());
      LocalDate b = parseDate(t.substring(dots + 2).trim(), s.pos());
      if (a == null || b == null) return null;
      if (b.isBefore(a)) {
        err(Codes.PLN_BAD_VALUE, s.pos(), "the range \"" + t + "\" ends before it starts");
        return null;
      }
      return new DateRange(a, b);
    }

    private LocalTime time(YMap m, String key, boolean required) {
      YScalar s = scalar(m, key, required, "a time of day such as \"09:00\"");
      return s == null ? null : parseTime(s.text().trim(), s.pos(), true);
    }

    private LocalTime parseTime(String t, Pos pos, boolean quoteHint) {
      int hm = hourMinute(t);
      if (hm < 0) {
        err(Codes.PLN_BAD_VALUE, pos, "expected a time of day as HH:MM (24-hour), such as \"09:00\"; found \"" + t + "\"");
        return null;
      }
      int h = hm / 100, min = hm % 100;
      if (h > 23 || min > 59) {
        err(Codes.PLN_BAD_VALUE, pos, t + " is not a time of day (00:00 to 23:59)");
        return null;
      }
      return LocalTime.of(h, min);
    }

    private PlanDuration duration(YMap m, String key, boolean signed, boolean required) {
      YNode n = m.get(key);
      if (n == null) {
        if (required) err(Codes.PLN_MISSING, m.pos(), "`" + key + "` is required: a duration such as 40m, 2h or 3d");
        return null;
      }
      if (!(n instanceof YScalar s) || s.isNull()) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a duration such as 40m, 2h, 1h30m, 3d or 2w, found " + n.describe());
        return null;
      }
      try {
        PlanDuration d = PlanDuration.parse(s.text(), signed);
        if (!signed && d.isZero() && !key.equals("from")) {
          err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` must be longer than 0");
          return null;
        }
        if (tooLong(d)) {
          err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` of " + s.text() + " is longer than 10 years");
          return null;
        }
        return d;
      } catch (IllegalArgumentException | ArithmeticException e) {
        err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "`: " + e.getMessage() + "; found \"" + s.text() + "\"");
        return null;
      }
    }

    /** More than {@link #MAX_SPAN_DAYS} days, counting minutes and hours too. */
    private static boolean tooLong(PlanDuration d) {
      return d.days() > MAX_SPAN_DAYS || d.minutes() / (24 * 60) + d.days() > MAX_SPAN_DAYS;
    }

    private ZoneId zone(YMap m, String key, boolean required) {
      YScalar s = scalar(m, key, required, "an IANA time zone such as America/Los_Angeles");
      if (s == null) return null;
      String t = s.text().trim();
      if (t.contains("/") || t.equals("UTC")) {
        try {
          return ZoneId.of(t);
        } catch (DateTimeException e) {
          // fall through to the message
        }
      }
      err(Codes.PLN_BAD_VALUE, s.pos(), "unknown time zone \"" + t + "\"" + Suggest.didYouMean(t, ZoneId.getAvailableZoneIds())
          + " (use an IANA zone such as America/Los_Angeles or Europe/Berlin; not an offset or abbreviation)");
      return null;
    }

    private List<DayOfWeek> weekdays(YMap m, String key) {
      YNode n = m.get(key);
      if (n == null) return null;
      List<DayOfWeek> out = new ArrayList<>();
      if (n instanceof YList l) {
        for (YNode x : l.items()) {
          if (!(x instanceof YScalar s) || s.isNull()) {
            err(Codes.PLN_BAD_VALUE, x.pos(), "expected a weekday (mon, tue, wed, thu, fri, sat, sun), found " + x.describe());
            continue;
          }
          List<DayOfWeek> d = weekdayExpr(s.text().trim(), s.pos());
          if (d != null) out.addAll(d);
        }
      } else if (n instanceof YScalar s && !s.isNull()) {
        List<DayOfWeek> d = weekdayExpr(s.text().trim(), s.pos());
        if (d != null) out.addAll(d);
      } else {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects weekdays such as [tue, fri], found " + n.describe());
        return null;
      }
      TreeSet<DayOfWeek> set = new TreeSet<>(out);
      if (set.size() != out.size()) err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` names a weekday twice");
      return List.copyOf(set);
    }

    /** {@code mon}, {@code mon-fri}, {@code mon,wed}: weekdays in order. */
    private List<DayOfWeek> weekdayExpr(String t, Pos pos) {
      List<DayOfWeek> out = new ArrayList<>();
      for (String part : t.indexOf(',') < 0 ? new String[] {t} : Rx.COMMA.split(t)) {
        String[] range = splitDash(part);
        if (range.length == 2) {
          DayOfWeek a = weekday(range[0], pos), b = weekday(range[1], pos);
          if (a == null || b == null) return null;
          if (b.compareTo(a) < 0) {
            err(Codes.PLN_BAD_VALUE, pos, "weekday range \"" + part + "\" runs backwards; write it from Monday towards Sunday");
            return null;
          }
          for (int d = a.getValue(); d <= b.getValue(); d++) out.add(DayOfWeek.of(d));
        } else {
          DayOfWeek d = weekday(part, pos);
          if (d == null) return null;
          out.add(d);
        }
      }
      return out;
    }

    private DayOfWeek weekday(String t, Pos pos) {
      String w = t.toLowerCase(Locale.ROOT);
      for (DayOfWeek d : DayOfWeek.values()) {
        String full = d.name().toLowerCase(Locale.ROOT);
        if (w.equals(full) || w.equals(full.substring(0, 3))) return d;
      }
      err(Codes.PLN_BAD_VALUE, pos, "unknown weekday \"" + t + "\"" + Suggest.didYouMean(w, Vocabulary.WEEKDAYS) + " (mon, tue, wed, thu, fri, sat, sun)");
      return null;
    }

    private Recurrence recurrence(YMap m, String key, boolean required) {
      YNode n = m.get(key);
      if (n == null) {
        if (required) err(Codes.PLN_MISSING, m.pos(), "`" + key + "` is required: `day`, a duration such as 2d or 1w, or weekdays such as [mon, wed]");
        return null;
      }
      if (n instanceof YList) {
        List<DayOfWeek> d = weekdays(m, key);
        if (d == null || d.isEmpty()) return null;
        return new Recurrence(7, d);
      }
      if (!(n instanceof YScalar s) || s.isNull()) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects `day`, a duration such as 2d or 1w, or weekdays such as [mon, wed]; found " + n.describe());
        return null;
      }
      String t = s.text().trim().toLowerCase(Locale.ROOT);
      if (t.equals("day") || t.equals("daily")) return new Recurrence(1, List.of());
      if (t.equals("week") || t.equals("weekly")) return new Recurrence(7, List.of());
      try {
        PlanDuration d = PlanDuration.parse(t, false);
        if (d.minutes() != 0 || d.days() == 0) {
          err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` repeats in whole days or weeks (such as 1d, 2d, 1w, 2w), found \"" + s.text() + "\"");
          return null;
        }
        if (tooLong(d)) {
          err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` of " + s.text() + " is longer than 10 years");
          return null;
        }
        return new Recurrence((int) d.days(), List.of());
      } catch (IllegalArgumentException e) {
        // weekday names, as in `every: mon` or `every: mon-fri`
        if (Rx.WEEKDAY_WORDS.matcher(t).matches() && !Rx.HAS_DIGIT.matcher(t).matches()) {
          List<DayOfWeek> d = weekdayExpr(t, s.pos());
          return d == null ? null : new Recurrence(7, List.copyOf(new TreeSet<>(d)));
        }
        err(Codes.PLN_BAD_VALUE, s.pos(), "`" + key + "` expects `day`, a duration such as 2d or 1w, or weekdays such as [mon, wed]; found \"" + s.text() + "\"");
        return null;
      }
    }

    private Milestone milestone(YMap m, String key, int total, Set<String> phases) {
      YNode n = m.get(key);
      return n == null ? null : milestoneNode(n, total, phases);
    }

    private Milestone milestoneNode(YNode n, int total, Set<String> phases) {
      if (!(n instanceof YScalar s) || s.isNull()) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "expected a milestone such as `session:3` or `last-session + 4w`, found " + n.describe());
        return null;
      }
      Milestone ms;
      try {
        ms = Milestone.parse(s.text(), s.pos());
      } catch (IllegalArgumentException e) {
        err(Codes.PLN_BAD_VALUE, s.pos(), e.getMessage() + "; found \"" + s.text() + "\"");
        return null;
      }
      if (tooLong(ms.offset())) {
        err(Codes.PLN_BAD_VALUE, s.pos(), "`" + ms.text() + "`: an offset of more than 10 years");
        return null;
      }
      if (ms.kind() == Milestone.Kind.SESSION && total > 0 && ms.session() > total) {
        err(Codes.PLN_REFERENCE, s.pos(), "`" + ms.text() + "`: the plan has " + total + " dosing sessions");
        return null;
      }
      if (ms.phase() != null && !phases.isEmpty() && !phases.contains(ms.phase())) {
        err(Codes.PLN_REFERENCE, s.pos(), "no phase named `" + ms.phase() + "`" + Suggest.didYouMean(ms.phase(), phases)
            + " (phases: " + String.join(", ", phases) + ")");
        return null;
      }
      return ms;
    }

    private List<String> words(YMap m, String key, List<String> vocabulary) {
      YNode n = m.get(key);
      if (n == null || (n instanceof YScalar s0 && s0.isNull())) return List.of();
      if (!(n instanceof YList l)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a list, such as [" + vocabulary.get(0) + "], found " + n.describe());
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (YNode x : l.items()) {
        if (!(x instanceof YScalar s) || s.isNull()) {
          err(Codes.PLN_BAD_VALUE, x.pos(), "expected one of " + String.join(", ", vocabulary) + ", found " + x.describe());
          continue;
        }
        String v = s.text().trim();
        if (!vocabulary.contains(v)) {
          err(Codes.PLN_BAD_VALUE, s.pos(), "unknown " + key + " entry \"" + v + "\"" + Suggest.didYouMean(v, vocabulary)
              + " (one of " + String.join(", ", vocabulary) + ")");
          continue;
        }
        out.add(v);
      }
      return List.copyOf(out);
    }

    private YMap map(YMap m, String key, boolean required) {
      YNode n = m.get(key);
      if (n == null || (n instanceof YScalar s && s.isNull())) {
        if (required) err(Codes.PLN_MISSING, n == null ? m.pos() : n.pos(), "`" + key + "` is required");
        return null;
      }
      if (!(n instanceof YMap mm)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a mapping of keys, found " + n.describe());
        return null;
      }
      return mm;
    }

    private YList list(YMap m, String key) {
      YNode n = m.get(key);
      if (n == null || (n instanceof YScalar s && s.isNull())) return null;
      if (!(n instanceof YList l)) {
        err(Codes.PLN_BAD_VALUE, n.pos(), "`" + key + "` expects a list (items starting with '- '), found " + n.describe());
        return null;
      }
      return l;
    }

    private YMap itemMap(YNode n, String expected) {
      if (n instanceof YMap m) return m;
      err(Codes.PLN_BAD_VALUE, n.pos(), "expected " + expected + ", found " + n.describe());
      return null;
    }

    private void err(String code, Pos pos, String message) {
      problems.add(new Finding(code, Severity.ERROR, message, pos, null));
    }
  }
}
