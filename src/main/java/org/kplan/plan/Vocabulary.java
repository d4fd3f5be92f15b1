package org.kplan.plan;

import java.util.List;

/** The closed vocabularies of the plan format. */
public final class Vocabulary {
  private Vocabulary() {}

  public static final List<String> TOP = List.of(
      "version", "kind", "id", "extends", "patient", "timezone", "start", "clinic", "ketamine",
      "therapy", "habits", "followUp", "waivers", "rules");
  public static final List<String> PATIENT = List.of(
      "ref", "initials", "birthDate", "weightKg", "guardianConsent", "assent", "contraindications", "medications");
  public static final List<String> CLINIC = List.of("name", "hours", "closed", "holidays", "chairs");
  public static final List<String> KETAMINE = List.of(
      "route", "indication", "dose", "dosing", "monitoring", "time", "days", "minSpacing", "phases",
      "sessionTasks", "offLabelRationale");
  public static final List<String> PHASE = List.of("name", "sessions", "perWeek", "every", "dose", "days", "time");
  public static final List<String> DOSE = List.of("mgPerKg", "mg");
  public static final List<String> TASK = List.of("id", "name", "at", "kind", "duration");
  public static final List<String> THERAPY = List.of("modality", "duration", "window", "preferredDay", "time", "perSession");
  public static final List<String> WINDOW = List.of("from", "to");
  public static final List<String> HABIT = List.of("id", "name", "kind", "every", "time", "duration", "from", "until");
  public static final List<String> FOLLOW_UP = List.of(
      "id", "name", "kind", "every", "day", "time", "duration", "from", "until", "at");
  public static final List<String> WAIVER = List.of("rule", "reason", "approvedBy", "sessions");

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
}
