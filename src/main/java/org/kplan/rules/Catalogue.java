package org.kplan.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kplan.rules.fup.AssessmentGap;
import org.kplan.rules.fup.FollowUpUnplaceable;
import org.kplan.rules.fup.MinorWithoutFamily;
import org.kplan.rules.fup.NoBaselineAssessment;
import org.kplan.rules.fup.NoContinuationDecision;
import org.kplan.rules.fup.NoFollowUpAfterLastDose;
import org.kplan.rules.fup.NoInductionReview;
import org.kplan.rules.hab.ActivityBelowGuideline;
import org.kplan.rules.hab.NoActivityHabit;
import org.kplan.rules.hab.NoSleepHabit;
import org.kplan.rules.hab.NoSubstanceAvoidance;
import org.kplan.rules.ket.EsketamineDose;
import org.kplan.rules.ket.EsketamineFrequency;
import org.kplan.rules.ket.InductionLength;
import org.kplan.rules.ket.IvDoseAboveMaximum;
import org.kplan.rules.ket.IvNonStandardDose;
import org.kplan.rules.ket.MinGap;
import org.kplan.rules.ket.MonitoringTooShort;
import org.kplan.rules.ket.NoEscort;
import org.kplan.rules.ket.NoObservation;
import org.kplan.rules.ket.NoPeakOrDischargeVitals;
import org.kplan.rules.ket.NoPreDoseVitals;
import org.kplan.rules.ket.NoSuicideScreening;
import org.kplan.rules.ket.OutsideClinicHours;
import org.kplan.rules.ket.SeriesDensity;
import org.kplan.rules.ket.SessionUnplaceable;
import org.kplan.rules.pat.ConsentAfterFirstDose;
import org.kplan.rules.pat.Contraindication;
import org.kplan.rules.pat.EsketamineUnderAge;
import org.kplan.rules.pat.InteractingMedication;
import org.kplan.rules.pat.LabelWarning;
import org.kplan.rules.pat.MinorWithoutConsent;
import org.kplan.rules.pat.MinorWithoutRationale;
import org.kplan.rules.pat.NoBirthDate;
import org.kplan.rules.pat.PerKgDoseWithoutWeight;
import org.kplan.rules.pln.BadReference;
import org.kplan.rules.pln.BadValue;
import org.kplan.rules.pln.DuplicateKey;
import org.kplan.rules.pln.MissingKey;
import org.kplan.rules.pln.PlanSyntax;
import org.kplan.rules.pln.SessionsInPast;
import org.kplan.rules.pln.UnknownKey;
import org.kplan.rules.thr.AfterNextDose;
import org.kplan.rules.thr.DuringMonitoring;
import org.kplan.rules.thr.NoIntegration;
import org.kplan.rules.thr.NoPreparation;
import org.kplan.rules.thr.TherapyUnplaceable;
import org.kplan.rules.thr.WindowTooLate;
import org.kplan.rules.wav.IncompleteWaiver;
import org.kplan.rules.wav.UnknownWaiverRule;
import org.kplan.rules.wav.UnusedWaiver;

/**
 * Every rule, in one explicit list sorted by code (no classpath scanning). Families in the
 * order of {@link Family}; a test keeps the list sorted and every rule documented, sourced and
 * covered by fixtures.
 */
public final class Catalogue {
  private Catalogue() {}

  public static final List<Rule> ALL = List.of(
      // PLN: plan structure (the loader and the engine report these)
      new PlanSyntax(),               // PLN001
      new UnknownKey(),               // PLN002
      new BadValue(),                 // PLN003
      new MissingKey(),               // PLN004
      new BadReference(),             // PLN005
      new DuplicateKey(),             // PLN006
      new SessionsInPast(),           // PLN007
      // PAT: patient
      new MinorWithoutConsent(),      // PAT001
      new ConsentAfterFirstDose(),    // PAT002
      new Contraindication(),         // PAT003
      new LabelWarning(),             // PAT004
      new PerKgDoseWithoutWeight(),   // PAT005
      new EsketamineUnderAge(),       // PAT006
      new InteractingMedication(),    // PAT007
      new MinorWithoutRationale(),    // PAT008
      new NoBirthDate(),              // PAT009
      // KET: dosing
      new EsketamineDose(),           // KET010
      new EsketamineFrequency(),      // KET011
      new MinGap(),                   // KET012
      new IvDoseAboveMaximum(),       // KET014
      new SeriesDensity(),            // KET015
      new SessionUnplaceable(),       // KET016
      new InductionLength(),          // KET017
      new IvNonStandardDose(),        // KET018
      new OutsideClinicHours(),       // KET019
      new MonitoringTooShort(),       // KET020
      new NoPreDoseVitals(),          // KET021
      new NoPeakOrDischargeVitals(),  // KET022
      new NoObservation(),            // KET023
      new NoEscort(),                 // KET024
      new NoSuicideScreening(),       // KET025
      // THR: therapy
      new TherapyUnplaceable(),       // THR001
      new NoIntegration(),            // THR002
      new DuringMonitoring(),         // THR003
      new WindowTooLate(),            // THR004
      new AfterNextDose(),            // THR005
      new NoPreparation(),            // THR006
      // HAB: habits
      new NoSleepHabit(),             // HAB001
      new NoActivityHabit(),          // HAB002
      new NoSubstanceAvoidance(),     // HAB003
      new ActivityBelowGuideline(),   // HAB004
      // FUP: follow-up
      new NoFollowUpAfterLastDose(),  // FUP001
      new NoContinuationDecision(),   // FUP002
      new MinorWithoutFamily(),       // FUP003
      new NoBaselineAssessment(),     // FUP004
      new AssessmentGap(),            // FUP005
      new NoInductionReview(),        // FUP006
      new FollowUpUnplaceable(),      // FUP009
      // WAV: waivers
      new IncompleteWaiver(),         // WAV001
      new UnusedWaiver(),             // WAV002
      new UnknownWaiverRule());       // WAV003

  private static final Map<String, Rule> BY_CODE = new java.util.HashMap<>();
  private static final List<String> CODES;

  static {
    // loops, not streams: this runs on every start, and each lambda costs start-up time
    String[] codes = new String[ALL.size()];
    for (int i = 0; i < codes.length; i++) {
      Rule r = ALL.get(i);
      if (BY_CODE.put(r.code(), r) != null) throw new IllegalStateException("two rules with code " + r.code());
      codes[i] = r.code();
    }
    CODES = List.of(codes);
  }

  public static Optional<Rule> get(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  /** All codes, in catalogue order. */
  public static List<String> codes() {
    return CODES;
  }
}
