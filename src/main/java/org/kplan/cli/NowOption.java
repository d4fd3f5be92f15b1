package org.kplan.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --now}: the moment a command treats as now; shared by every command that has one. */
public final class NowOption implements Context.Aware {
  @Option(names = "--now", paramLabel = "INSTANT",
      description = "The moment to treat as now (e.g. 2026-11-26T09:00:00Z); default SOURCE_DATE_EPOCH, else the clock.")
  String now;

  private Context ctx;

  @Override
  public void context(Context c) {
    this.ctx = c;
  }

  /** {@code --now}, else {@code SOURCE_DATE_EPOCH}, else the clock. */
  Instant instant() throws UsageException {
    return Clock.now(now, ctx);
  }
}
