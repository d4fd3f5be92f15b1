package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kplan.support.TestPlans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The JSON Schema of the plan format: every shipped plan validates, and it refuses what the loader refuses. */
class PlanSchemaTest {
  static final ObjectMapper YAML = YAMLMapper.builder().build();
  static final Schema SCHEMA = schema();

  static Schema schema() {
    StringWriter w = new StringWriter();
    PlanSchema.write(w);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(w.toString());
  }

  static List<Error> validate(String yaml) {
    JsonNode node = YAML.readTree(yaml);
    return SCHEMA.validate(node);
  }

  static List<Path> shippedPlans() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("plans"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedPlanAndTemplateValidates() throws IOException {
    List<Path> plans = shippedPlans();
    assertTrue(plans.size() >= 10, "templates and examples under plans/: " + plans);
    return plans.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
      List<Error> errors = validate(Files.readString(p));
      assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList(), p.toString());
    }));
  }

  @Test
  void everyShippedPlanPointsEditorsAtTheSchema() throws IOException {
    for (Path p : shippedPlans()) {
      String first = Files.readAllLines(p).get(0);
      assertEquals("# yaml-language-server: $schema=../kplan-plan.schema.json", first, p.toString());
    }
    assertTrue(Files.exists(Path.of("plans/kplan-plan.schema.json")));
  }

  @Test
  void theTestBaseValidatesAndAMisspeltKeyDoesNot() {
    assertEquals(List.of(), validate(TestPlans.BASE));
    List<Error> errors = validate(TestPlans.BASE.replace("  monitoring: 2h", "  monitring: 2h"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).getMessage().contains("monitring"), errors.toString());
  }

  @Test
  void aPlanThatExtendsNothingMustGiveWhatAPlanNeeds() {
    String noPatient = TestPlans.BASE.replace("patient: { ref: P-1, weightKg: 60 }\n", "");
    assertFalse(validate(noPatient).isEmpty(), "patient is required in a self-contained plan");
    String noRef = TestPlans.BASE.replace("patient: { ref: P-1, weightKg: 60 }", "patient: { weightKg: 60 }");
    assertFalse(validate(noRef).isEmpty(), "patient.ref is required in a self-contained plan");
    String noPhases = TestPlans.BASE.replace("  phases:\n    - { name: induction, sessions: 4, perWeek: 2 }\n", "");
    assertFalse(validate(noPhases).isEmpty(), "ketamine.phases is required in a self-contained plan");
  }

  @Test
  void aTemplateOrAPlanThatExtendsOneMayLeaveThingsOut() {
    String template = TestPlans.BASE.replace("kind: plan", "kind: template").replace("patient: { ref: P-1, weightKg: 60 }\n", "")
        .replace("timezone: America/New_York\n", "").replace("start: 2027-03-01\n", "");
    assertEquals(List.of(), validate(template));
    assertEquals(List.of(), validate("""
        version: 1
        kind: plan
        id: p-1
        extends: adult-iv-induction
        patient: { weightKg: 70 }
        ketamine: { time: "10:00" }
        therapy: { window: { to: 96h } }
        """));
  }

  @Test
  void valuesAreCheckedByForm() {
    assertFalse(validate(TestPlans.BASE.replace("route: iv", "route: intravenous")).isEmpty(), "route is a closed vocabulary");
    assertFalse(validate(TestPlans.BASE.replace("dosing: 40m", "dosing: 40")).isEmpty(), "a bare number is not a duration");
    assertFalse(validate(TestPlans.BASE.replace("dose: { mgPerKg: 0.5 }", "dose: { mgPerKg: 0.5, mg: 30 }")).isEmpty(), "a dose is mgPerKg or mg");
    assertFalse(validate(TestPlans.BASE.replace("sessions: 4, perWeek: 2", "sessions: 4, perWeek: 2, every: 1w")).isEmpty(), "perWeek or every");
    assertFalse(validate(TestPlans.BASE.replace("sessions: 4, perWeek: 2", "sessions: 4")).isEmpty(), "perWeek or every");
    assertFalse(validate(TestPlans.BASE.replace("start: 2027-03-01", "start: 1st March")).isEmpty(), "a date is YYYY-MM-DD");
    assertFalse(validate(TestPlans.BASE.replace("days: [mon, thu]", "days: [mon, thursday-ish]")).isEmpty(), "weekdays");
    assertEquals(List.of(), validate(TestPlans.BASE.replace("days: [mon, thu]", "days: mon-fri")));
    assertEquals(List.of(), validate(TestPlans.BASE.replace("hours: { mon-fri: \"08:00-18:00\" }", "hours: { mon-fri: \"08:00-18:00\", sat: closed }")));
  }
}
