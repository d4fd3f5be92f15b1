package org.kplan.export;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * {@code kplan validate -f json}: one object with every file, its findings and counts, and a
 * summary. Findings have the same members as in the JSON schedule.
 */
public final class FindingsJson {
  private FindingsJson() {}

  public static void write(List<FileReport> files, Severity failAt, Appendable out) {
    Json j = new Json(out);
    j.beginObject();
    j.field("failOn", failAt.label());
    j.key("files").beginArray();
    long e = 0, w = 0, i = 0, failed = 0;
    for (FileReport f : files) {
      j.beginObject();
      j.field("file", f.file());
      j.key("ok").value(!f.fails(failAt));
      j.key("readable").value(!f.unreadable());
      j.field("errors", f.count(Severity.ERROR));
      j.field("warnings", f.count(Severity.WARNING));
      j.field("infos", f.count(Severity.INFO));
      j.key("findings").beginArray();
      for (Finding x : f.findings()) ScheduleJson.finding(j, x);
      j.endArray();
      j.endObject();
      e += f.count(Severity.ERROR);
      w += f.count(Severity.WARNING);
      i += f.count(Severity.INFO);
      if (f.fails(failAt)) failed++;
    }
    j.endArray();
    j.key("summary").beginObject();
    j.field("files", files.size());
    j.field("failed", failed);
    j.field("errors", e);
    j.field("warnings", w);
    j.field("infos", i);
    j.endObject();
    j.endObject();
  }
}
