package org.kplan.rules.thr;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.EventKind;

/** THR003: therapy, a follow-up or an assessment during dosing or monitoring. */
public final class DuringMonitoring extends Rule {
  public DuringMonitoring() {
    super(meta("THR003", Severity.ERROR, "Therapy or another appointment during dosing or monitoring")
        .sources(Sources.ESK_MONITORING, Sources.ESK_SEDATION, Sources.ESK_DRIVING)
        .explanation("""
            Reports a therapy session, follow-up or assessment that overlaps a dosing session
            from the start of dosing to the end of monitoring. The scheduler keeps integration
            therapy out of monitoring, but a follow-up at a fixed time or milestone (`at:
            session:3` with a `time`) lands where it is put. Session tasks (vitals, observation)
            belong in monitoring and are not reported.

            During monitoring patients are often sedated or dissociated (peaking 30 to 45 minutes
            after dosing) and are observed on site for at least 2 hours; appointments that need
            their attention come after monitoring ends.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    List<Event> doses = c.doses();
    Spans spans = new Spans(doses);
    for (Event e : c.schedule().events()) {
      if (e.kind() != EventKind.THERAPY && e.kind() != EventKind.FOLLOW_UP && e.kind() != EventKind.ASSESSMENT) continue;
      long es = e.start().toEpochSecond(), ee = e.end().toEpochSecond();
      int esn = e.start().getNano(), een = e.end().getNano();
      int from = spans.firstEndingAfter(es, esn);
      for (int i = from; i < doses.size(); i++) {
        Event d = doses.get(i);
        // in order, a dose that starts at or after e ends is followed only by such doses
        boolean startsBeforeEnd = Spans.compare(spans.startSec[i], spans.startNano[i], ee, een) < 0;
        if (spans.sorted && !startsBeforeEnd) break;
        if (Spans.compare(es, esn, spans.endSec[i], spans.endNano[i]) < 0 && startsBeforeEnd) {
          out.add(c.finding(c.pathOf(e), "`" + e.title() + "` (" + Engine.describe(e.start()) + "-" + e.end().toLocalTime()
              + ") overlaps dosing session " + d.session() + " and its monitoring (" + d.start().toLocalTime() + "-"
              + d.end().toLocalTime() + "); patients are observed on site then, often sedated (facts 10, 18)", e.id()));
          break;
        }
      }
    }
    return out;
  }

  /**
   * The dosing spans as epoch seconds. When their starts and ends do not go backwards (the engine
   * never lets two dosing sessions overlap), every dose before the first that ends after a time
   * also ends at or before it, so the overlap search starts there instead of at the first dose,
   * and it stops at the first dose that starts too late.
   */
  static final class Spans {
    final long[] startSec, endSec;
    final int[] startNano, endNano;
    final boolean sorted;

    Spans(List<Event> doses) {
      int n = doses.size();
      startSec = new long[n];
      startNano = new int[n];
      endSec = new long[n];
      endNano = new int[n];
      boolean ok = true;
      long prevStart = Long.MIN_VALUE;
      int prevStartNano = 0;
      for (int i = 0; i < n; i++) {
        ZonedDateTime start = doses.get(i).start(), end = doses.get(i).end();
        endSec[i] = end.toEpochSecond();
        endNano[i] = end.getNano();
        long ss = start.toEpochSecond();
        int sn = start.getNano();
        startSec[i] = ss;
        startNano[i] = sn;
        if (i > 0 && (compare(endSec[i - 1], endNano[i - 1], endSec[i], endNano[i]) > 0 || compare(prevStart, prevStartNano, ss, sn) > 0)) ok = false;
        prevStart = ss;
        prevStartNano = sn;
      }
      sorted = ok;
    }

    /** The first dose whose end is after the instant {@code s}, {@code ns} (0 when the ends are not in order). */
    int firstEndingAfter(long s, int ns) {
      if (!sorted) return 0;
      int lo = 0, hi = endSec.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(endSec[mid], endNano[mid], s, ns) > 0) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }

    /** Instants as epoch second and nano, in the order of {@code Instant.compareTo} (and of ZonedDateTime.isBefore). */
    static int compare(long s1, int n1, long s2, int n2) {
      int c = Long.compare(s1, s2);
      return c != 0 ? c : Integer.compare(n1, n2);
    }
  }
}
