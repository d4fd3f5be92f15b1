package org.kplan.rules;

/**
 * The published sources that rules and their defaults cite, by fact number in
 * {@code docs/sources.md} (summarised in docs/rules.md). One constant
 * per fact or group of facts, so every rule names a source the same way.
 */
public final class Sources {
  private Sources() {}

  public static final Source PLAN_FORMAT = new Source("design", "kplan plan format, version 1 (design.md, \"The plan format\")");

  // 1. Esketamine nasal spray (Spravato): label and REMS
  public static final Source ESK_INDUCTION = new Source("1", "Spravato (esketamine) US prescribing information: induction, weeks 1-4, twice weekly, day-1 dose 56 mg");
  public static final Source ESK_MAINTENANCE = new Source("2", "Spravato US prescribing information: weeks 5-8, once weekly");
  public static final Source ESK_CONTINUATION = new Source("3", "Spravato US prescribing information: week 9 on, every 2 weeks or once weekly");
  public static final Source ESK_REVIEW = new Source("4", "Spravato US prescribing information: evaluate therapeutic benefit at the end of induction");
  public static final Source ESK_DEVICES = new Source("5", "Spravato US prescribing information: 28 mg per device, doses of 28, 56 or 84 mg; 84 mg only after a 56 mg start");
  public static final Source ESK_OLDER = new Source("6", "Spravato label (MIMS HK summary): patients 65 or older start at 28 mg");
  public static final Source ESK_MDSI = new Source("7", "Spravato US prescribing information, MDD with acute suicidal ideation: twice weekly for 4 weeks");
  public static final Source ESK_MONITORING = new Source("10", "Spravato US prescribing information: post-dose monitoring of at least 2 hours at every session");
  public static final Source ESK_BP = new Source("11", "Spravato prescribing information (PDR summary): blood pressure before dosing, about 40 minutes after, then as warranted");
  public static final Source ESK_BP_PEAK = new Source("13", "Spravato prescribing information: blood-pressure rise peaks about 40 minutes after dosing");
  public static final Source REMS_FORM = new Source("14", "Spravato REMS Patient Monitoring Form: BP before, 40 minutes after and before discharge; at least 2 hours from the first device");
  public static final Source ESK_RESPIRATORY = new Source("16", "Spravato US prescribing information (Oct 2023): respiratory status and pulse oximetry at every session");
  public static final Source ESK_DRIVING = new Source("17", "Spravato US prescribing information: no driving until the next day after a restful sleep; someone drives the patient home");
  public static final Source ESK_SEDATION = new Source("18", "Spravato US prescribing information: sedation and dissociation, peaking 30-45 minutes after dosing");
  public static final Source ESK_CONTRA = new Source("19", "Spravato US prescribing information: contraindications (aneurysmal vascular disease, AVM, intracerebral haemorrhage, hypersensitivity)");
  public static final Source ESK_WARNINGS = new Source("20", "Spravato US prescribing information: warnings (psychosis, substance use disorder, pregnancy, hepatic impairment, hypertensive encephalopathy)");
  public static final Source ESK_INTERACTIONS = new Source("21", "Spravato prescribing information and REMS form: CNS depressants, psychostimulants and MAOIs");
  public static final Source ESK_PEDIATRIC = new Source("24", "Spravato US prescribing information: not approved in pediatric patients; antidepressant suicidality warning (+14 per 1,000 under 18)");
  public static final Source AACAP_2018 = new Source("26", "AACAP Psychopharmacology Committee statement on ketamine and esketamine in youth (2018)");

  // 2. IV racemic ketamine
  public static final Source ANDRADE_2017 = new Source("27", "Andrade 2017, J Clin Psychiatry: 0.5 mg/kg IV over 40 minutes is the standard trial dose");
  public static final Source FAVA_2018 = new Source("28", "Fava et al. 2018, dose-finding trial: 0.1 to 1.0 mg/kg, 1.0 mg/kg the highest dose studied");
  public static final Source MURROUGH_2013 = new Source("29", "Murrough 2013, Biol Psychiatry: up to 6 infusions three times weekly over 12 days; median relapse 18 days");
  public static final Source SINGH_2016 = new Source("30", "Singh 2016, Am J Psychiatry: twice- and thrice-weekly infusions for up to 4 weeks");
  public static final Source CANMAT_2021 = new Source("31", "CANMAT 2021 task force: repeated infusions Level 3 evidence, case-by-case use");
  public static final Source KETALAR = new Source("35", "Ketalar (ketamine) US label: contraindicated where a significant rise in blood pressure is a serious hazard");
  public static final Source TRIAL_EXCLUSIONS = new Source("36", "Ketamine trial exclusion criteria (psychosis, mania, pregnancy, uncontrolled hypertension, substance misuse)");
  public static final Source IV_OBSERVATION = new Source("37", "IV ketamine post-infusion observation: no firm standard; the 2-hour esketamine floor reused for every route");
  public static final Source ALBOTT_2018 = new Source("38", "Albott 2018: 6 infusions Monday/Wednesday/Friday over 12 days; median relapse 41 days (PTSD) and 20 days (depression)");
  public static final Source ABDALLAH_2022 = new Source("39", "Abdallah 2022: 8 infusions twice weekly (military PTSD sample)");
  public static final Source SPACING_DERIVED = new Source("section 9", "docs/sources.md, known gaps: no label minimum between doses; 48 h is derived from twice- and thrice-weekly schedules (facts 29, 30, 38)");

  // 3. Adolescents and young adults
  public static final Source ADOLESCENT_TRIALS = new Source("40-43", "Adolescent IV ketamine trials and protocols (Dwyer 2021, Cullen 2018, Yale protocol, adolescent RCT design)");
  public static final Source YALE_CAP = new Source("42", "Yale adolescent protocol (ClinicalTrials.gov): 0.5 mg/kg over 40 minutes, at most 40 mg per dose");
  public static final Source WOLFSON_2023 = new Source("44", "Wolfson et al. 2023, adolescent KAP case series: family involvement appears essential");

  // 4. Psychotherapy with ketamine
  public static final Source PRICE_2022 = new Source("47", "Price 2022, Am J Psychiatry: training started one day after the infusion, over 4 days");
  public static final Source WINDOW_CONVENTION = new Source("53", "Clinic sources on the post-dose window: 24-72 hours, some say 1-2 weeks (practice convention, not established)");
  public static final Source KAP_PRACTICE = new Source("54", "Typical KAP practice: preparation sessions before dose 1; integration 1-3 days after IV or IM dosing, 1-7 days after oral dosing");

  // 5. Monitoring instruments
  public static final Source PHQ9 = new Source("58", "Kroenke 2001: PHQ-9 severity bands");
  public static final Source PHQA = new Source("59", "PHQ-A (PHQ-9 modified for adolescents), NIMH ASQ toolkit and GLAD-PC");
  public static final Source CSSRS = new Source("61", "C-SSRS Screener, \"since last visit\" version, triage guidelines");
  public static final Source ZERO_SUICIDE = new Source("62", "Zero Suicide model: screen for suicide risk at every contact");
  public static final Source MONITORING_SCALES = new Source("64-65", "CADSS / CADSS-6 dissociation and MOAA/S sedation scales");

  // 6. Minors
  public static final Source AAP_CONSENT = new Source("67", "AAP policy \"Informed Consent in Decision-Making in Pediatric Practice\" (2016, reaffirmed 2023): parental permission and patient assent");
  public static final Source GLAD_PC = new Source("68", "GLAD-PC 2018: caregiver interviews, family psychoeducation and a safety plan for youth depression");
  public static final Source YOUTH_CADENCE = new Source("69", "BMJ Best Practice, youth depression monitoring: weekly to every 2 weeks at first, then every 4-6 weeks");
  public static final Source ESK_FAMILY = new Source("70", "Spravato US prescribing information: counsel family members and caregivers to watch for behaviour changes");

  // 7. Habits and step-down
  public static final Source SLEEP = new Source("71", "AASM teen sleep advisory (8-10 h, 13-18) and National Sleep Foundation (7-9 h, adults)");
  public static final Source WHO_ACTIVITY = new Source("72", "WHO 2020 physical activity guidelines: 60 min a day (5-17), 150-300 min a week (adults)");
  public static final Source ALCOHOL = new Source("73", "Esketamine and alcohol (drugs.com professional interactions): avoid or limit, above all on dosing days");
  public static final Source HEDIS_FUH = new Source("75", "HEDIS FUH measure: follow-up visit within 7 days (same-day visits do not count)");
  public static final Source RELAPSE_TIMING = new Source("76", "Relapse timing after an induction series (facts 29, 38, 47): a continuation decision within about 2 weeks");
}
