package org.kplan.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;
import org.kplan.schedule.Schedule;

/**
 * The clinic-wide calendar: every patient's dosing and therapy sessions in one VCALENDAR, the
 * patient reference leading each SUMMARY, UIDs {@code <event-id>@<plan-id>.clinic.kplan} (unique
 * across the clinic, and distinct from the patients' own calendars), no reminders, and one
 * VTIMEZONE per zone used. Events are streamed to a hidden temporary file beside the target as
 * plans are added, so memory does not grow with the number of plans; {@link #finish} writes the
 * calendar atomically.
 */
public final class ClinicIcs implements Closeable {
  private final Path target;
  private final Instant now;
  private final IcsWriter.Detail detail;
  private final String organizer;
  private final IcsPrior prior;
  private final Path spill;
  private final Writer out;
  private final Map<String, Instant[]> spans = new TreeMap<>();
  private final Map<String, Integer> plansByZone = new TreeMap<>();
  private final TreeSet<String> clinicNames = new TreeSet<>();
  private int events;
  private int plans;

  public ClinicIcs(Path target, Instant now, IcsWriter.Detail detail, String organizer) throws OutputException {
    this.target = target;
    this.now = now;
    this.detail = detail;
    this.organizer = organizer;
    this.prior = IcsPrior.read(target);
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) throw new OutputException("cannot write " + target + ": no such directory " + dir);
    try {
      this.spill = SafeFiles.temporaryBeside(target);
      this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spill), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Adds the dosing and therapy sessions of one schedule. */
  public void add(Schedule s, String clinicName) throws OutputException {
    IcsWriter.Options o = new IcsWriter.Options(now, detail, organizer, clinicName, prior);
    StringBuilder b = new StringBuilder(16 * 1024);
    String zone = s.timezone().getId();
    for (Event e : s.events()) {
      if (e.kind() != EventKind.KETAMINE && e.kind() != EventKind.THERAPY) continue;
      for (String l : IcsWriter.event(s, e, o, true)) Ics.fold(l, b);
      events++;
      Instant[] span = spans.computeIfAbsent(zone, z -> new Instant[] {e.start().toInstant(), e.end().toInstant()});
      if (e.start().toInstant().isBefore(span[0])) span[0] = e.start().toInstant();
      if (e.end().toInstant().isAfter(span[1])) span[1] = e.end().toInstant();
    }
    plans++;
    plansByZone.merge(zone, 1, Integer::sum);
    if (clinicName != null) clinicNames.add(clinicName);
    try {
      out.write(b.toString());
    } catch (IOException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  public int events() {
    return events;
  }

  public int plans() {
    return plans;
  }

  /** Writes the calendar (unless nothing was added: then null); unchanged when only DTSTAMPs would differ. */
  public SafeFiles.Result finish(boolean force) throws OutputException {
    try {
      out.close();
    } catch (IOException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
    }
    if (events == 0) return null;
    StringBuilder head = new StringBuilder();
    Ics.fold("BEGIN:VCALENDAR", head);
    Ics.fold("PRODID:" + IcsWriter.PRODID, head);
    Ics.fold("VERSION:2.0", head);
    Ics.fold("CALSCALE:GREGORIAN", head);
    Ics.fold("METHOD:PUBLISH", head);
    String name = detail == IcsWriter.Detail.FULL && clinicNames.size() == 1 ? clinicNames.first() + ": sessions" : "Clinic sessions";
    Ics.fold("X-WR-CALNAME:" + IcsWriter.text(name), head);
    String mainZone = plansByZone.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("UTC");
    Ics.fold("X-WR-TIMEZONE:" + mainZone, head);
    for (Map.Entry<String, Instant[]> z : spans.entrySet()) {
      Instant[] span = z.getValue();
      for (String l : VTimezones.lines(ZoneId.of(z.getKey()), span[0].minusSeconds(86_400), span[1].plusSeconds(86_400))) Ics.fold(l, head);
    }
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("END:VCALENDAR" + Ics.CRLF).getBytes(StandardCharsets.UTF_8);
    return SafeFiles.write(target, os -> {
      os.write(start);
      try (InputStream in = Files.newInputStream(spill)) {
        in.transferTo(os);
      }
      os.write(end);
    }, IcsFiles::sameIgnoringStamp, force);
  }

  /** Removes the temporary file of events. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // closing a file we only wrote to
    }
    try {
      Files.deleteIfExists(spill);
    } catch (IOException e) {
      // hidden, named like our temporary files: the next run removes it
    }
  }
}
