package org.kplan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.PlanDuration;
import org.kplan.plan.Severity;
import org.kplan.plan.YamlTree;

/** Reading rule profiles: forms of a setting, typed thresholds, stacking, and the problems reported. */
class ProfileTest {
  static final Rule KET012 = Catalogue.get("KET012").orElseThrow();
  static final Rule KET014 = Catalogue.get("KET014").orElseThrow();
  static final Rule KET010 = Catalogue.get("KET010").orElseThrow();
  static final Rule HAB002 = Catalogue.get("HAB002").orElseThrow();

  private static Profile parse(String yaml, List<Finding> problems) throws InputException {
    return Profile.parse(YamlTree.parse("p.yaml", yaml), problems);
  }

  @Test
  void settingsAreOffOnASeverityOrAMapping() throws InputException {
    List<Finding> problems = new ArrayList<>();
    Profile p = parse("KET012: { severity: error, minGap: 72h }\nHAB002: off\nKET014: { maxMgPerKg: 0.8 }\n"
        + "KET010: { doses: [28, 56] }\nKET015: warning\n", problems);
    assertEquals(List.of(), problems);
    assertEquals(Severity.ERROR, p.severity(KET012));
    assertEquals(PlanDuration.parse("72h", false), p.value(KET012, (Threshold<PlanDuration>) KET012.threshold("minGap")));
    assertFalse(p.enabled(HAB002));
    assertEquals(new BigDecimal("0.8"), p.value(KET014, (Threshold<BigDecimal>) KET014.threshold("maxMgPerKg")));
    assertEquals(List.of(28, 56), p.value(KET010, (Threshold<List<Integer>>) KET010.threshold("doses")));
    assertEquals(Severity.ERROR, p.severity(KET014), "unset severity stays the default");
  }

  @Test
  void laterProfilesWinKeyByKey() throws InputException {
    List<Finding> problems = new ArrayList<>();
    Profile plan = parse("KET012: { severity: error, minGap: 72h }\nHAB002: off\n", problems);
    Profile clinic = parse("KET012: { minGap: 96h }\nHAB002: on\n", problems);
    Profile p = Profile.DEFAULTS.then(plan).then(clinic);
    assertEquals(Severity.ERROR, p.severity(KET012), "kept from the plan");
    assertEquals(PlanDuration.parse("96h", false), p.value(KET012, (Threshold<PlanDuration>) KET012.threshold("minGap")));
    assertTrue(p.enabled(HAB002));
  }

  @Test
  void badValuesAreReportedWithTheirPlaceAndTheRestIsKept() throws InputException {
    List<Finding> problems = new ArrayList<>();
    Profile p = parse("KET012: { minGap: 72 }\nKET014: { maxMgPerKg: 20 }\nKET010: { doses: 28 }\nHAB002: off\n", problems);
    assertEquals(List.of(
        "p.yaml:1:19: KET012 a duration needs a unit: 72m, 72h, 72d or 72w; found 72 [PLN003]",
        "p.yaml:2:23: KET014 `maxMgPerKg` must be from 0.01 to 10, found 20 [PLN003]",
        "p.yaml:3:18: KET010 `doses` expects a list of whole numbers such as [28, 56, 84], found 28 [PLN003]"),
        problems.stream().map(f -> f.pos() + ": " + f.message() + " [" + f.rule() + "]").toList());
    assertFalse(p.enabled(HAB002));
  }

  @Test
  void aProfileFileMayNestUnderRulesButThenHoldsNothingElse() {
    InputException e = assertThrows(InputException.class, () -> Profile.parseFile("p.yaml", "version: 1\nrules:\n  HAB002: off\n"));
    assertEquals("unknown key `version` in a rule profile; with a top-level `rules:`, the file holds only `rules:`",
        e.problems().get(0).message());
  }
}
