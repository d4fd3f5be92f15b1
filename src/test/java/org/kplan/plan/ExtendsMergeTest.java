package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** {@code extends}: a dose and clinic hours are single values and replace the template's as a whole. */
class ExtendsMergeTest {
  private static Plan load(String body) throws InputException {
    String text = "version: 1\nkind: plan\nid: merge\nextends: adult-iv-induction\n"
        + "patient: { ref: P-1, birthDate: 1990-01-01, weightKg: 70 }\ntimezone: UTC\nstart: 2027-01-04\n" + body;
    return new PlanLoader().load("merge.yaml", text, Path.of("."));
  }

  @Test
  void aDoseInMgReplacesTheTemplatesDosePerKg() throws InputException {
    Plan p = load("ketamine:\n  dose: { mg: 35 }\n");
    assertEquals(new BigDecimal("35"), p.ketamine().dose().mg());
    assertNull(p.ketamine().dose().mgPerKg());
  }

  @Test
  void clinicHoursReplaceTheTemplatesHours() throws InputException {
    Plan p = load("clinic:\n  hours:\n    mon-thu: \"08:00-18:00\"\n    fri: \"08:00-14:00\"\n");
    assertEquals(LocalTime.of(14, 0), p.clinic().hours().get(DayOfWeek.FRIDAY).close());
    assertEquals(5, p.clinic().hours().size());
  }

  @Test
  void otherMappingsStillMergeKeyByKey() throws InputException {
    Plan p = load("therapy:\n  time: \"17:00\"\n");
    assertEquals(LocalTime.of(17, 0), p.therapy().time());
    assertEquals("Integration psychotherapy (CBT-based)", p.therapy().modality());
  }
}
