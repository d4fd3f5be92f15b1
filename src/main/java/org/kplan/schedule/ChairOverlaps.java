package org.kplan.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dosing sessions across many plans that need more chairs at once than a clinic has. A dosing
 * session occupies a chair from its start to the end of monitoring. Plans are grouped by clinic
 * name; a group is checked when at least one of its plans gives {@code clinic.chairs} (the smallest
 * number given counts). Times are reported in the zone of the group's first plan. Pure: collect
 * sessions with {@link #add}, then ask {@link #overlaps}.
 */
public final class ChairOverlaps {
  /** One dosing session: {@code who} names it in messages (patient reference and event id). */
  private record Use(long start, long end, String who) {}

  private static final class Clinic {
    Integer chairs;
    ZoneId zone;
    final List<Use> uses = new ArrayList<>();
  }

  /**
   * A span in which more sessions overlap than {@code chairs}: from the moment one too many starts
   * until enough have ended; {@code peak} is the most at once, {@code who} every session involved.
   */
  public record Overlap(String clinic, int chairs, int peak, ZonedDateTime start, ZonedDateTime end, List<String> who) {}

  private final Map<String, Clinic> clinics = new TreeMap<>();

  /** Adds the dosing sessions of one schedule. */
  public void add(String clinic, Integer chairs, Schedule s) {
    String key = clinic == null ? "clinic without a name (" + s.timezone().getId() + ")" : clinic;
    Clinic c = clinics.computeIfAbsent(key, k -> new Clinic());
    if (chairs != null && (c.chairs == null || chairs < c.chairs)) c.chairs = chairs;
    if (c.zone == null) c.zone = s.timezone();
    for (Event e : s.events()) {
      if (e.kind() != EventKind.KETAMINE) continue;
      c.uses.add(new Use(e.start().toInstant().toEpochMilli(), e.end().toInstant().toEpochMilli(),
          (s.patient() == null ? s.plan() : s.patient()) + " " + e.id()));
    }
  }

  /** Every span, by clinic and time, where sessions outnumber chairs. */
  public List<Overlap> overlaps() {
    List<Overlap> out = new ArrayList<>();
    for (Map.Entry<String, Clinic> en : clinics.entrySet()) {
      Clinic c = en.getValue();
      if (c.chairs == null) continue;
      // sweep: ends sort before starts at the same instant (back-to-back sessions do not overlap)
      List<long[]> points = new ArrayList<>();
      for (int i = 0; i < c.uses.size(); i++) {
        Use u = c.uses.get(i);
        if (u.end <= u.start) continue;
        points.add(new long[] {u.start, 1, i});
        points.add(new long[] {u.end, 0, i});
      }
      points.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2]));
      Map<Integer, Use> active = new LinkedHashMap<>();
      Set<String> involved = null;
      long spanStart = 0;
      int peak = 0;
      for (long[] p : points) {
        int i = (int) p[2];
        if (p[1] == 1) {
          active.put(i, c.uses.get(i));
          if (involved == null && active.size() > c.chairs) {
            involved = new LinkedHashSet<>();
            spanStart = p[0];
            peak = 0;
            for (Use u : active.values()) involved.add(u.who);
          } else if (involved != null) {
            involved.add(c.uses.get(i).who);
          }
          if (involved != null) peak = Math.max(peak, active.size());
        } else {
          active.remove(i);
          if (involved != null && active.size() <= c.chairs) {
            Overlap x = new Overlap(en.getKey(), c.chairs, peak, Instant.ofEpochMilli(spanStart).atZone(c.zone),
                Instant.ofEpochMilli(p[0]).atZone(c.zone), involved.stream().sorted().toList());
            Overlap prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && prev.clinic().equals(x.clinic()) && prev.end().equals(x.start())) {
              // one session ended as another began: one span, not two
              Set<String> who = new java.util.TreeSet<>(prev.who());
              who.addAll(x.who());
              x = new Overlap(x.clinic(), x.chairs(), Math.max(prev.peak(), x.peak()), prev.start(), x.end(), List.copyOf(who));
              out.set(out.size() - 1, x);
            } else {
              out.add(x);
            }
            involved = null;
          }
        }
      }
    }
    return out;
  }
}
