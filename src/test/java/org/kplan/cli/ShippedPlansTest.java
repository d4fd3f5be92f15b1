package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every built-in template and example plan in plans/ validates clean, even with --strict. */
class ShippedPlansTest {
  @Test
  void templatesAndExamplesValidateClean() {
    Cli.Result r = Cli.run("validate", "plans", "--strict", "--now", "2026-11-26T00:00:00Z", "--no-color");
    assertEquals("Checked 10 files: no findings.\n", r.out());
    assertEquals(0, r.code(), r.toString());
  }
}
