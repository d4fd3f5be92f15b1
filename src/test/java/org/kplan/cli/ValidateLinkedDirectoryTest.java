package org.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kplan.support.Cli;
import org.kplan.support.Cli.Result;

/** A directory named through a symbolic link is checked like the directory itself, under the name given. */
class ValidateLinkedDirectoryTest {
  @Test
  void aLinkedDirectoryIsFollowedAndKeepsItsName(@TempDir Path dir) throws Exception {
    Path link = dir.resolve("plans-link");
    Files.createSymbolicLink(link, Path.of("plans/examples").toAbsolutePath());
    Result r = Cli.run("validate", "--now", "2026-11-26T00:00:00Z", "-f", "json", link.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("\"file\": \"" + link.resolve("adult-new-york-dst.yaml") + "\""), r.out());
  }
}
