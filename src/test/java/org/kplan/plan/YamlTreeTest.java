package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;
import org.kplan.support.TestPlans;

class YamlTreeTest {
  /**
   * Regression (fuzzing, ScheduleFuzzTest): an emoji split across the parser's 1025-char buffer
   * made snakeyaml-engine read past its buffer, an internal error. Every offset around the first
   * few buffer ends.
   */
  @Test
  void aSurrogatePairAtAParserBufferBoundaryLoads() throws Exception {
    for (int end : new int[] {1024, 2048, 3072, 4096}) {
      for (int at = end - 4; at <= end + 2; at++) {
        String comment = "# " + "a".repeat(at - 2) + "\uD83C\uDF3F\n";
        assertEquals('\uD83C', comment.charAt(at));
        Plan p = TestPlans.load(comment + TestPlans.BASE.replace("modality: CBT", "modality: \"CBT \uD83C\uDF3F\""));
        assertEquals("CBT \uD83C\uDF3F", p.therapy().modality(), "emoji at " + at);
      }
    }
  }

  @Test
  void thePairSafeReaderNeverEndsAChunkOnAHighSurrogate() throws IOException {
    String text = "ab\uD83C\uDF3Fcd";
    YamlTree.PairSafeReader r = new YamlTree.PairSafeReader(text);
    char[] buf = new char[3];
    assertEquals(2, r.read(buf, 0, 3), "holds the high surrogate back");
    assertEquals(3, r.read(buf, 0, 3));
    assertEquals("\uD83C\uDF3Fc", new String(buf, 0, 3));
    assertEquals(1, r.read(buf, 0, 3));
    assertEquals(-1, r.read(buf, 0, 3));
  }

  @Test
  void tagsAreRefusedAndControlCharactersReported() {
    InputException tag = assertThrows(InputException.class, () -> YamlTree.parse("t.yaml", "a: !!java.lang.Runtime x\nb: !!binary aGk=\n"));
    assertEquals(2, tag.problems().size(), tag.problems().toString());
    assertTrue(tag.problems().get(0).message().contains("!!java.lang.Runtime"), tag.getMessage());
    assertTrue(tag.problems().get(1).message().contains("!!binary"), tag.problems().toString());

    InputException esc = assertThrows(InputException.class, () -> YamlTree.parse("t.yaml", "a: \"x\\e[2Jy\"\n"));
    assertTrue(esc.getMessage().contains("control character U+001B"), esc.getMessage());

    InputException raw = assertThrows(InputException.class, () -> YamlTree.parse("t.yaml", "a: 1\nb: x\u0007y\n"));
    assertEquals(new Pos("t.yaml", 2, 5), raw.problems().get(0).pos());
  }

  @Test
  void tabsAndLongValuesGetPlainMessagesAtTheirPlace() {
    InputException tab = assertThrows(InputException.class, () -> YamlTree.parse("t.yaml", "a:\n  b: 1\n\tc: 2\n"));
    assertEquals(new Pos("t.yaml", 3, 1), tab.problems().get(0).pos());
    assertTrue(tab.getMessage().contains("a tab is used for indentation"), tab.getMessage());
    InputException big = assertThrows(InputException.class, () -> YamlTree.parse("t.yaml", "a: \"" + "x".repeat(50_000) + "\"\n"));
    assertTrue(big.getMessage().contains("a value of 50000 characters is longer than the 10000 allowed"), big.getMessage());
  }

  @Test
  void byteOrderMarkAndCrlfAreAccepted() throws Exception {
    YMap m = YamlTree.parse("t.yaml", "\uFEFFa: 1\r\nb: two\r\n");
    assertEquals("two", ((YScalar) m.get("b")).text());
    assertEquals(2, m.entries().get("b").keyPos().line());
  }
}
