package org.kplan.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files that the build generates and the repository carries (the JSON Schema, the completion
 * scripts, the manual page): a test fails when the committed file differs from what kplan
 * generates now. Regenerate them all with
 * {@code ./mvnw -B test -Dtest=GeneratedFilesTest -Dkplan.generated.update=true} and review the diff.
 */
public final class Generated {
  private Generated() {}

  public static final String REGENERATE = "./mvnw -B test -Dtest=GeneratedFilesTest -Dkplan.generated.update=true";
  static final boolean UPDATE = Boolean.getBoolean("kplan.generated.update");

  public static void assertCommitted(Path committed, String generated) throws IOException {
    if (UPDATE) {
      Files.createDirectories(committed.toAbsolutePath().getParent());
      Files.writeString(committed, generated, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(committed), committed + " is missing; generate it with: " + REGENERATE);
    assertEquals(generated, Files.readString(committed, StandardCharsets.UTF_8),
        committed + " differs from what kplan generates now; regenerate it with: " + REGENERATE + " (then review the diff)");
  }
}
