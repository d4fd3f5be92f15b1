package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kplan.plan.Finding;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;

/** Report writers escape what their formats require, whatever a message or file name holds. */
class ReportEscapingTest {
  static final Finding NASTY = new Finding("KET020", Severity.ERROR, "50% of <1h> & \"short\"\nsecond line, with: colon\u0001",
      new Pos("plans/a b,c:d.yaml", 3, 5), null);
  static final Finding INFO = new Finding("PLN007", Severity.INFO, "past", Pos.of("plans/x.yaml"), null);

  @Test
  void githubEscapesDataAndProperties() {
    StringBuilder b = new StringBuilder();
    GithubAnnotations.write(List.of(new FileReport("plans/a b,c:d.yaml", List.of(NASTY), false),
        new FileReport("plans/x.yaml", List.of(INFO), false)), b);
    assertEquals("::error file=plans/a b%2Cc%3Ad.yaml,line=3,col=5,title=KET020::50%25 of <1h> & \"short\"%0Asecond line, with: colon\u0001\n"
        + "::notice file=plans/x.yaml,title=PLN007::past\n", b.toString());
  }

  @Test
  void junitEscapesMarkupAndDropsControlCharacters() {
    StringBuilder b = new StringBuilder();
    JunitXml.write(List.of(new FileReport("plans/a&b.yaml", List.of(NASTY), false)), Severity.ERROR, b);
    String xml = b.toString();
    assertTrue(xml.contains("name=\"plans/a&amp;b.yaml\""), xml);
    assertTrue(xml.contains("50% of &lt;1h&gt; &amp; \"short\"\nsecond line, with: colon?"), xml);
    assertFalse(xml.contains("\u0001"), xml);
  }

  @Test
  void junitListsFindingsBelowTheFailingLevelAsOutput() {
    StringBuilder b = new StringBuilder();
    Finding w = new Finding("KET012", Severity.WARNING, "close", new Pos("p.yaml", 2, 1), "ket-2");
    JunitXml.write(List.of(new FileReport("p.yaml", List.of(w), false)), Severity.ERROR, b);
    assertTrue(b.toString().contains("<system-out>p.yaml:2:1: warning: close [KET012]\n</system-out>"), b.toString());
    assertTrue(b.toString().contains("failures=\"0\""), b.toString());
  }

  @Test
  void sarifUrisArePercentEncodedRelativeReferences() {
    assertEquals("plans/a%20b%2Cc%3Ad.yaml", Sarif.uri("plans/a b,c:d.yaml"));
    assertEquals("plans/sub/x.yaml", Sarif.uri("plans\\sub\\x.yaml"));
    assertEquals("file:///srv/plans/%C3%A9t%C3%A9.yaml", Sarif.uri("/srv/plans/été.yaml"));
  }

  @Test
  void sarifOmitsTheRegionOfAWholeFileFinding() {
    StringBuilder b = new StringBuilder();
    Sarif.write(List.of(new FileReport("plans/x.yaml", List.of(INFO), false)),
        Map.of("PLN007", new Sarif.RuleInfo("PLN007", "SessionsInPast", "s", "d", "h", "note", List.of("PLN"))), "1", b);
    assertFalse(b.toString().contains("region"), b.toString());
    assertTrue(b.toString().contains("\"level\": \"note\""), b.toString());
  }
}
