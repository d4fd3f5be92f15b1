package org.kplan.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  private final OutputStream out;
  /** The events of one plan, reused from plan to plan. */
  private final IcsOut buf = new IcsOut(16 * 1024);
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
      this.out = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
    } catch (IOException e) {
      throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Adds the dosing and therapy sessions of one schedule. */
  public void add(Schedule s, String clinicName) throws OutputException {
    IcsWriter.Options o = new IcsWriter.Options(now, detail, organizer, clinicName, prior);
    buf.reset();
    IcsWriter.Cal c = new IcsWriter.Cal(s, o, buf);
    String zone = s.timezone().getId();
    for (Event e : s.events()) {
      if (e.kind() != EventKind.KETAMINE && e.kind() != EventKind.THERAPY) continue;
      IcsWriter.event(c, e, true);
      events++;
      Instant[] span = spans.computeIfAbsent(zone, z -> new Instant[] {e.start().toInstant(), e.end().toInstant()});
      if (e.start().toInstant().isBefore(span[0])) span[0] = e.start().toInstant();
      if (e.end().toInstant().isAfter(span[1])) span[1] = e.end().toInstant();
    }
    plans++;
    plansByZone.merge(zone, 1, Integer::sum);
    if (clinicName != null) clinicNames.add(clinicName);
    try {
      out.write(buf.buf, 0, buf.len);
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
    String name = detail == IcsWriter.Detail.FULL && clinicNames.size() == 1 ? clinicNames.first() + ": sessions" : "Clinic sessions";
    String mainZone = plansByZone.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse("UTC");
    IcsOut head = new IcsOut(4096);
    IcsWriter.head(head, new IcsOut(256), name, mainZone);
    for (Map.Entry<String, Instant[]> z : spans.entrySet()) {
      Instant[] span = z.getValue();
      for (String l : VTimezones.lines(ZoneId.of(z.getKey()), span[0].minusSeconds(86_400), span[1].plusSeconds(86_400))) head.line(l);
    }
    byte[] start = head.toByteArray();
    byte[] end = ("END:VCALENDAR" + Ics.CRLF).getBytes(StandardCharsets.US_ASCII);
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
