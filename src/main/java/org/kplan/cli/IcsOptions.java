package org.kplan.cli;

import java.time.Instant;
import org.kplan.export.IcsPrior;
import org.kplan.export.IcsWriter;
import picocli.CommandLine.Option;

/** Options of iCalendar output, shared by {@code schedule -f ics} and {@code calendar}. */
public final class IcsOptions {
  @Option(names = "--detail", paramLabel = "LEVEL", defaultValue = "minimal",
      description = "What calendars say: minimal (default: neutral titles, the patient reference; no drug, dose, "
          + "diagnosis, notes or clinic name) or full (the plan's titles, dose, phase, notes and clinic: for the clinic's own use).")
  String detail = "minimal";

  @Option(names = "--organizer", paramLabel = "ADDRESS",
      description = "ORGANIZER of every event, such as frontdesk@clinic.example (default: " + IcsWriter.DEFAULT_ORGANIZER + ", which receives no mail).")
  String organizer;

  record Resolved(IcsWriter.Detail detail, String organizer) {}

  Resolved resolve() throws UsageException {
    return new Resolved(parseDetail(detail, "--detail"), organizer());
  }

  static IcsWriter.Detail parseDetail(String s, String option) throws UsageException {
    try {
      return IcsWriter.Detail.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private String organizer() throws UsageException {
    if (organizer == null) return null;
    String o = organizer.trim();
    if (o.matches("[^@\\s:;,\"]+@[^@\\s:;,\"]+")) o = "mailto:" + o;
    if (!o.matches("(?i)[a-z][a-z0-9+.-]*:[^\\s\"]+")) {
      throw new UsageException("--organizer expects an e-mail address or a URI such as mailto:frontdesk@clinic.example, found \"" + organizer + "\"");
    }
    return o;
  }

  IcsWriter.Options options(Instant now, String clinicName) throws UsageException {
    Resolved r = resolve();
    return new IcsWriter.Options(now, r.detail(), r.organizer(), clinicName, IcsPrior.NONE);
  }
}
