package org.kplan.plan;

import java.util.List;
import org.kplan.plan.Format.AnyMap;
import org.kplan.plan.Format.Decimal;
import org.kplan.plan.Format.Either;
import org.kplan.plan.Format.Field;
import org.kplan.plan.Format.ListOf;
import org.kplan.plan.Format.MapOf;
import org.kplan.plan.Format.Need;
import org.kplan.plan.Format.Section;
import org.kplan.plan.Format.Text;
import org.kplan.plan.Format.Type;
import org.kplan.plan.Format.Whole;

/**
 * The plan format (version 1) in one place: the closed vocabularies of its values, and every
 * section with its fields, their types and descriptions ({@link #PLAN}). The loader checks keys
 * against these sections and values against these vocabularies; {@code kplan schema} writes the
 * JSON Schema from the same model.
 */
public final class Vocabulary {
  private Vocabulary() {}

  // ------------------------------------------------------------------ closed vocabularies

  public static final List<String> KINDS = List.of("plan", "template");
  public static final List<String> ROUTES = List.of("iv", "im", "intranasal", "oral", "sublingual");
  public static final List<String> INDICATIONS = List.of("trd", "mdsi", "ptsd", "depression", "anxiety", "sud", "other");
  public static final List<String> TASK_KINDS = List.of(
      "vitals", "suicide-screening", "escort", "observation", "assessment", "preparation", "other");
  public static final List<String> HABIT_KINDS = List.of(
      "sleep", "activity", "nutrition", "mindfulness", "substance-avoidance", "other");
  public static final List<String> FOLLOW_UP_KINDS = List.of(
      "family", "psychiatry", "assessment", "step-down", "support-group", "preparation", "therapy", "other");
  /** Label contraindications and relative exclusions (rules-sources facts 19, 20, 35, 36). */
  public static final List<String> CONTRAINDICATIONS = List.of(
      "aneurysmal-vascular-disease", "arteriovenous-malformation", "intracerebral-hemorrhage",
      "ketamine-hypersensitivity", "esketamine-hypersensitivity", "pregnancy", "lactation",
      "psychosis", "mania", "substance-use-disorder", "uncontrolled-hypertension",
      "severe-hepatic-impairment", "moderate-hepatic-impairment", "hypertensive-encephalopathy");
  /** Medication classes that interact with (es)ketamine (rules-sources fact 21). */
  public static final List<String> MEDICATIONS = List.of(
      "benzodiazepine", "sedative-hypnotic", "opioid", "psychostimulant", "maoi", "antidepressant",
      "antipsychotic", "lamotrigine", "other");
  public static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  // ------------------------------------------------------------------ value types

  private static final String WEEKDAY_WORD = "(?:[Mm][Oo][Nn]|[Tt][Uu][Ee]|[Ww][Ee][Dd]|[Tt][Hh][Uu]|[Ff][Rr][Ii]|[Ss][Aa][Tt]|[Ss][Uu][Nn])[A-Za-z]{0,6}";
  private static final String WEEKDAY_PART = WEEKDAY_WORD + "(?: *- *" + WEEKDAY_WORD + ")?";
  private static final String WEEKDAY_EXPR = WEEKDAY_PART + "(?: *, *" + WEEKDAY_PART + ")*";
  private static final String SHORT_DURATION = "(?:[0-9]+ *[Ww] *)?(?:[0-9]+ *[Dd] *)?(?:[0-9]+ *[Hh] *)?(?:[0-9]+ *(?:[Mm]|min) *)?";
  private static final String ISO_DURATION = "[Pp](?:[0-9]+[Ww])?(?:[0-9]+[Dd])?(?:[Tt](?:[0-9]+[Hh])?(?:[0-9]+[Mm])?(?:[0-9]+[Ss])?)?";

  static final Text DATE = new Text("date", "A date, YYYY-MM-DD.", null, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "date", List.of("2026-12-01"));
  static final Text TIME = new Text("time", "A local time of day, HH:MM (24-hour); quote it.", null,
      "^[0-9]{1,2}:[0-9]{2}$", null, List.of("09:00", "16:00"));
  static final Text DURATION = new Text("duration",
      "A duration: 40m, 2h, 1h30m, 3d, 2w, or ISO-8601 (PT40M, P2W). Minutes and hours are elapsed time; days and weeks are calendar days in the plan's time zone.",
      null, "^ *(?=[0-9Pp])(?:" + SHORT_DURATION + "|" + ISO_DURATION + ") *$", null, List.of("40m", "2h", "1h30m", "2w"));
  static final Text OFFSET = new Text("offset",
      "A signed duration from the start of dosing: -30m, 0m, +2h40m.", null,
      "^ *[+-]? *(?=[0-9Pp])(?:" + SHORT_DURATION + "|" + ISO_DURATION + ") *$", null, List.of("-15m", "+2h40m"));
  static final Text ZONE = new Text("timezone",
      "An IANA time zone such as America/Los_Angeles or Europe/Berlin (not an offset or abbreviation).", null,
      "^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)+)$", null, List.of("America/Los_Angeles", "Europe/Berlin", "Australia/Sydney"));
  static final Text WEEKDAY = new Text("weekday", "A weekday: mon, tue, wed, thu, fri, sat or sun.", WEEKDAYS, null, null, null);
  static final Either WEEKDAYS_TYPE = new Either("weekdays",
      "Weekdays: a list such as [tue, fri], or one expression such as mon-fri or mon,wed.",
      List.of(new ListOf(WEEKDAY, false), new Text(null, null, null, "^" + WEEKDAY_EXPR + "$", null, List.of("mon-fri"))));
  static final Text MILESTONE = new Text("milestone",
      "A point in the plan: start, first-session, last-session, session:N, phase-start:NAME, phase-end:NAME or plan-end, "
          + "optionally + DURATION or - DURATION (quote ones that contain a colon).",
      null, "^ *(?:start|first-session|last-session|plan-end|session: *[0-9]+|phase-(?:start|end): *[A-Za-z0-9_-]+) *(?:[+-] *[0-9Pp][0-9A-Za-z ]*)?$",
      null, List.of("first-session", "session:3", "phase-end:induction", "last-session + 4w"));
  static final Either RECURRENCE = new Either("recurrence",
      "How often: day (daily), week (weekly), every N days or weeks (2d, 1w, 2w), or on weekdays ([mon, wed] or mon-fri).",
      List.of(new Text(null, null, List.of("day", "daily", "week", "weekly"), null, null, null), DURATION, WEEKDAYS_TYPE));
  static final Text ITEM_ID = new Text("itemId", "A stable id for the item: lowercase letters, digits and '-'.", null,
      "^[a-z0-9][a-z0-9-]{0,40}$", null, null);
  static final Text NAME = new Text(null, null, null, "\\S", null, null);

  private static Text words(String description, List<String> values) {
    return new Text(null, description, values, null, null, null);
  }

  private static Text pattern(String pattern, List<String> examples) {
    return new Text(null, null, null, pattern, null, examples);
  }

  private static Field opt(String name, Type type, String description) {
    return new Field(name, type, Need.OPTIONAL, description);
  }

  private static Field req(String name, Type type, String description) {
    return new Field(name, type, Need.ALWAYS, description);
  }

  private static Field plan(String name, Type type, String description) {
    return new Field(name, type, Need.PLAN, description);
  }

  // ------------------------------------------------------------------ sections

  static final Section DOSE_SECTION = new Section("A dose: mgPerKg or mg", List.of(
      opt("mgPerKg", new Decimal("0.01", "10"), "Milligrams per kilogram of body weight; shown with the computed mg (needs patient.weightKg)."),
      opt("mg", new Decimal("1", "2000"), "A fixed dose in milligrams.")),
      List.of(List.of("mgPerKg", "mg")));

  static final Section PATIENT_SECTION = new Section("The patient: minimal identifying data", List.of(
      plan("ref", NAME, "A pseudonymous reference such as P-0042; never a name. Required in a plan."),
      opt("initials", NAME, "Initials, optional."),
      opt("birthDate", DATE, "Date of birth; a minor at the first dose brings the minor rules."),
      opt("weightKg", new Decimal("0.5", "500"), "Body weight in kg; needed when a dose is given per kg."),
      opt("guardianConsent", DATE, "Date a guardian's consent was signed (minors)."),
      opt("assent", DATE, "Date of the minor's own assent."),
      opt("contraindications", new ListOf(words("A contraindication or exclusion.", CONTRAINDICATIONS), false), "Contraindications, from a closed vocabulary."),
      opt("medications", new ListOf(words("An interacting medication class.", MEDICATIONS), false), "Interacting medication classes, from a closed vocabulary.")),
      List.of());

  static final Section CLINIC_SECTION = new Section("The clinic: opening hours and closures", List.of(
      opt("name", NAME, "The clinic's name."),
      opt("hours", new MapOf("^" + WEEKDAY_EXPR + "$", "weekdays such as mon-fri or sat",
              pattern("^(?: *[0-9]{1,2}:[0-9]{2} *- *[0-9]{1,2}:[0-9]{2} *|[Cc][Ll][Oo][Ss][Ee][Dd])$", List.of("08:00-18:00", "closed"))),
          "Opening hours by weekday, \"HH:MM-HH:MM\" (the close may be 24:00); days not listed are closed, and `closed` closes days "
              + "a template opens. Default: mon-fri \"08:00-18:00\"."),
      opt("closed", new ListOf(pattern("^ *[0-9]{4}-[0-9]{2}-[0-9]{2}(?: *\\.\\. *[0-9]{4}-[0-9]{2}-[0-9]{2})? *$", List.of("2026-12-25", "2026-12-31..2027-01-01")), false),
          "Dates the clinic is closed: single dates and inclusive ranges (\"2026-12-31..2027-01-01\")."),
      opt("holidays", pattern("^[A-Za-z]{2}(?:[-_][A-Za-z0-9]+)?$", List.of("US-CA", "GB", "DE-BE")),
          "A public-holiday calendar: an ISO country code, optionally with a subdivision (US-CA)."),
      opt("chairs", new Whole(1, 1000), "Dosing chairs, for clinic-wide overlap checks.")),
      List.of());

  static final Section PHASE_SECTION = new Section("A phase of dosing sessions", List.of(
      req("name", pattern("^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$", List.of("induction", "maintenance")),
          "Letters, digits, _ and -; used in milestones such as phase-end:NAME."),
      req("sessions", new Whole(1, PlanLoader.MAX_SESSIONS), "How many dosing sessions the phase has."),
      opt("perWeek", new Whole(1, 7), "Sessions per calendar week, on `days` (or spread evenly)."),
      opt("every", DURATION, "Each session one interval (days or weeks) after the previous one."),
      opt("dose", DOSE_SECTION, "This phase's dose, instead of ketamine.dose."),
      opt("days", WEEKDAYS_TYPE, "This phase's preferred weekdays."),
      opt("time", TIME, "This phase's preferred start time.")),
      List.of(List.of("perWeek", "every")));

  static final Section TASK_SECTION = new Section("A task repeated for every dosing session", List.of(
      opt("id", ITEM_ID, "Default: the name up to its first ':', ';', '(' or ',', as a slug."),
      req("name", NAME, "What to do."),
      req("at", OFFSET, "When, from the start of dosing: -30m, +2h40m."),
      opt("kind", words("What kind of task.", TASK_KINDS), "Guessed from the name when absent."),
      opt("duration", DURATION, "How long it takes. Default 15m.")),
      List.of());

  static final Section KETAMINE_SECTION = new Section("Ketamine dosing sessions", List.of(
      plan("route", words("Route of administration.", ROUTES), "Route of administration."),
      opt("indication", words("What the treatment is for.", INDICATIONS), "What the treatment is for."),
      plan("dose", DOSE_SECTION, "The dose: { mgPerKg: 0.5 } or { mg: 56 }."),
      opt("dosing", DURATION, "How long administration takes. Default 40m."),
      opt("monitoring", DURATION, "Observation on site after dosing ends. Default 2h."),
      opt("time", TIME, "Preferred start, local time. Default: the clinic's opening time."),
      opt("days", WEEKDAYS_TYPE, "Preferred weekdays."),
      opt("minSpacing", DURATION, "Least time between the starts of two dosing sessions."),
      plan("phases", new ListOf(PHASE_SECTION, false), "The phases, run in order."),
      opt("sessionTasks", new ListOf(TASK_SECTION, false), "Tasks for every dosing session, offset from its start."),
      opt("offLabelRationale", NAME, "Why off-label use is justified (minors).")),
      List.of());

  static final Section WINDOW_SECTION = new Section("The post-dose window", List.of(
      req("from", DURATION, "Offset of the window's start from the start of dosing."),
      req("to", DURATION, "Offset of the window's end from the start of dosing.")),
      List.of());

  static final Section THERAPY_SECTION = new Section("Integration psychotherapy in each post-dose window", List.of(
      opt("modality", NAME, "The therapy, such as CBT or ACT."),
      opt("duration", DURATION, "Length of a session. Default 50m."),
      opt("window", WINDOW_SECTION, "The window therapy must start in, from the start of dosing. Default 24h to 72h."),
      opt("preferredDay", new Whole(0, 60), "Days after the dosing day to try first (0 = same day). Default 1."),
      opt("time", TIME, "Preferred start. Default: the clinic's opening time."),
      opt("perSession", new Whole(0, 10), "Therapy sessions per dosing session (0 = none). Default 1.")),
      List.of());

  static final Section HABIT_SECTION = new Section("A habit: a recurring series", List.of(
      opt("id", ITEM_ID, "Default: the kind, or a slug of the name."),
      req("name", NAME, "What to do."),
      opt("kind", words("What kind of habit.", HABIT_KINDS), "What kind of habit."),
      req("every", RECURRENCE, "How often."),
      opt("time", TIME, "Local time; without one the habit is an all-day series."),
      opt("duration", DURATION, "How long."),
      opt("from", MILESTONE, "First day. Default: the first session."),
      opt("until", MILESTONE, "Last day. Default: plan-end.")),
      List.of());

  static final Section FOLLOW_UP_SECTION = new Section("Follow-up care: recurring (every) or at milestones (at)", List.of(
      opt("id", ITEM_ID, "Default: the kind, or a slug of the name."),
      req("name", NAME, "What it is."),
      opt("kind", words("What kind of follow-up.", FOLLOW_UP_KINDS), "What kind of follow-up."),
      opt("every", RECURRENCE, "Recurring: how often."),
      opt("day", WEEKDAY, "Recurring: the weekday."),
      opt("time", TIME, "Local time. Without one, the first free slot of clinic hours."),
      opt("duration", DURATION, "How long. Default 60m, assessments 30m."),
      opt("from", MILESTONE, "Recurring: from. Default: first-session."),
      opt("until", MILESTONE, "Recurring: until. Default: plan-end."),
      opt("at", new ListOf(MILESTONE, true), "One-off: a milestone, or a list of them.")),
      List.of(List.of("every", "at")));

  static final Section WAIVER_SECTION = new Section("A waiver: silences one rule", List.of(
      req("rule", pattern("^[A-Z]{3}[0-9]{3}$", List.of("KET012")), "The rule code."),
      opt("reason", NAME, "Why the rule does not apply."),
      opt("approvedBy", NAME, "Who approved the waiver."),
      opt("sessions", new ListOf(new Whole(1, PlanLoader.MAX_SESSIONS), true), "Only for these dosing sessions.")),
      List.of());

  /** The whole plan. */
  public static final Section PLAN = new Section("kplan treatment plan (version 1)", List.of(
      req("version", new Whole(1, 1), "The format version: 1."),
      opt("kind", words("plan or template.", KINDS), "plan (default) or template; a template may leave patient, timezone and start out."),
      plan("id", pattern("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", List.of("bni-2026-0042")),
          "Stable id: names output files and calendar UIDs (letters, digits, . _ -)."),
      opt("extends", NAME, "A built-in template (kplan templates), or a relative path such as ./base.yaml. Maps merge key by key; lists and scalars replace."),
      plan("patient", PATIENT_SECTION, "The patient."),
      plan("timezone", ZONE, "The plan's IANA time zone; every time in the plan is local to it."),
      plan("start", DATE, "First date a dosing session may take place."),
      opt("clinic", CLINIC_SECTION, "The clinic."),
      plan("ketamine", KETAMINE_SECTION, "Ketamine dosing."),
      opt("therapy", THERAPY_SECTION, "Integration psychotherapy."),
      opt("habits", new ListOf(HABIT_SECTION, false), "Habit tasks."),
      opt("followUp", new ListOf(FOLLOW_UP_SECTION, false), "Follow-up care."),
      opt("waivers", new ListOf(WAIVER_SECTION, false), "Waivers of rules, each with a reason and who approved it."),
      opt("rules", new AnyMap("A rule profile: rule codes to settings."), "A rule profile: rule codes to settings (read by the rule checker).")),
      List.of());

  // ------------------------------------------------------------------ keys, for the loader

  public static final List<String> TOP = PLAN.keys();
  public static final List<String> PATIENT = PATIENT_SECTION.keys();
  public static final List<String> CLINIC = CLINIC_SECTION.keys();
  public static final List<String> KETAMINE = KETAMINE_SECTION.keys();
  public static final List<String> PHASE = PHASE_SECTION.keys();
  public static final List<String> DOSE = DOSE_SECTION.keys();
  public static final List<String> TASK = TASK_SECTION.keys();
  public static final List<String> THERAPY = THERAPY_SECTION.keys();
  public static final List<String> WINDOW = WINDOW_SECTION.keys();
  public static final List<String> HABIT = HABIT_SECTION.keys();
  public static final List<String> FOLLOW_UP = FOLLOW_UP_SECTION.keys();
  public static final List<String> WAIVER = WAIVER_SECTION.keys();
}
