package org.kplan.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates plan YAML text from a source of choices: valid plans for the property tests (from a
 * seeded {@link Random}), and, with {@code hostile}, plans whose values are now and then replaced
 * by edge cases and junk for the fuzz tests (from Jazzer's data provider). The text goes through
 * the real loader, so the generator exercises the same path as a file typed by hand.
 */
public final class PlanGen {
  /** Where choices come from. {@code nextInt(n)} is in [0, n). */
  public interface Dice {
    int nextInt(int bound);

    /** Free text, for hostile values; the default has none. */
    default String text(int maxLength) {
      return "x";
    }

    static Dice of(Random r) {
      return r::nextInt;
    }
  }

  /** Zones with DST (both hemispheres, midnight changes, 30-minute DST), and without. */
  public static final List<String> ZONES = List.of(
      "America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Santiago", "America/Los_Angeles",
      "Europe/London", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata", "Pacific/Chatham", "UTC");
  public static final List<String> HOLIDAYS = List.of("US", "US-NY", "DE-BE", "AU-NSW", "GB", "CL");
  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  /** Values that have broken or nearly broken parsers somewhere: used in hostile mode. */
  static final List<String> EDGE = List.of(
      "", "~", "null", "[]", "{}", "0", "-1", "0m", "-15m", "+0m", "99999w", "999999w", "9999999h", "999999999m",
      "PT", "P", "P0D", "PT1S", "P1Y", "1e400", "-1e400", ".nan", ".inf", "99999999999999999999", "0x1F", "0o17",
      "9999-12-31", "0000-01-01", "2027-02-29", "2028-02-29", "2027-02-30", "1899-12-31", "2200-01-01",
      "24:00", "25:00", "23:60", "00:00", "23:59", "9:5", "mon-sun", "sun-mon", "mon,mon", "daily", "week",
      "plan-end", "plan-end + 520w", "last-session - 999999w", "session:0", "session:99999", "phase-end:",
      "phase-start:nope", "start + P2W", "first-session+1d", "\"\\u202e evil\"", "\"\\e[31m\"", "\"\\0\"",
      "!!binary aGVsbG8=", "!!java.lang.Runtime x", "*a", "&a x", "<<: {}", "'", "\"", "|", ">", "- x", "? x",
      "Europe/Nowhere", "UTC", "Etc/GMT+14", "+05:00", "EST", "America/Santiago", "Australia/Lord_Howe");

  private final Dice d;
  private final boolean hostile;
  private final StringBuilder y = new StringBuilder();
  private int total;
  /** A local time at a DST change of the plan's zone, when the plan is built around one. */
  private String dstTime;
  private final List<String> phases = new ArrayList<>();

  private PlanGen(Dice d, boolean hostile) {
    this.d = d;
    this.hostile = hostile;
  }

  /** A valid plan (hostile = false), or a plan with edge values and junk (hostile = true). */
  public static String plan(Dice d, boolean hostile) {
    return new PlanGen(d, hostile).build();
  }

  public static String valid(long seed) {
    return plan(Dice.of(new Random(seed)), false);
  }

  private boolean chance(int pct) {
    return d.nextInt(100) < pct;
  }

  private <T> T pick(List<T> xs) {
    return xs.get(d.nextInt(xs.size()));
  }

  private int between(int lo, int hi) {
    return lo + d.nextInt(hi - lo + 1);
  }

  /** {@code v}, or in hostile mode now and then an edge value or free text instead. */
  private String v(String v) {
    if (!hostile || d.nextInt(100) >= 12) return v;
    return d.nextInt(4) == 0 ? d.text(40) : pick(EDGE);
  }

  private void line(String s) {
    y.append(s).append('\n');
  }

  private static String hm(int h, int m) {
    return String.format(Locale.ROOT, "%02d:%02d", h, m);
  }

  private String time(int fromHour, int toHour) {
    int m = chance(80) ? 15 * d.nextInt(4) : d.nextInt(60);
    return "\"" + hm(between(fromHour, toHour), m) + "\"";
  }

  private List<String> someDays(int atLeast) {
    List<String> out = new ArrayList<>();
    for (int tries = 0; tries < 20 && out.size() < atLeast; tries++) {
      out.clear();
      for (String day : DAYS) if (chance(day.equals("sat") || day.equals("sun") ? 20 : 50)) out.add(day);
    }
    for (int i = 0; out.size() < atLeast; i++) if (!out.contains(DAYS[i])) out.add(DAYS[i]);
    return out;
  }

  private String build() {
    line("version: " + v("1"));
    line("kind: " + v("plan"));
    line("id: " + v("gen-" + d.nextInt(100000)));
    line("patient: { ref: " + v("P-" + d.nextInt(10000)) + (chance(85) ? ", weightKg: " + v(between(35, 140) + "." + d.nextInt(10)) : "") + " }");
    String zone = pick(ZONES);
    line("timezone: " + v(zone));
    LocalDate start = LocalDate.of(2026, 1, 1).plusDays(d.nextInt(1100));
    ZoneOffsetTransition tr = ZoneId.of(zone).getRules().nextTransition(start.atStartOfDay(ZoneOffset.UTC).toInstant());
    if (tr != null && chance(15)) {
      // start on a DST change, with sessions and therapy at the local time it skips or repeats
      start = tr.getDateTimeBefore().toLocalDate();
      LocalTime t = tr.getDateTimeBefore().toLocalTime().plusMinutes(15L * between(-2, 3));
      dstTime = "\"" + hm(t.getHour(), t.getMinute()) + "\"";
    }
    line("start: " + v(start.toString()));
    clinic(start);
    ketamine();
    if (chance(85)) therapy();
    if (chance(50)) habits();
    if (chance(60)) followUps();
    if (hostile && chance(10)) line(pick(List.of("extends: adult-iv-induction", "extends: ./missing.yaml", "extends: ../../etc/passwd",
        "rules: {}", "waivers: [{ rule: KET002, reason: r, approvedBy: x }]", "unknownKey: 1", "---\nsecond: doc",
        "anchor: &a { x: 1 }", "merged: { <<: { a: 1 } }", "tagged: !!set { a, b }")));
    return y.toString();
  }

  private void clinic(LocalDate start) {
    line("clinic:");
    if (chance(30)) line("  name: " + v("\"Clinic " + d.nextInt(100) + "\""));
    int style = d.nextInt(10);
    if (dstTime != null || (style == 9 && chance(50))) {
      // around the clock, so that sessions and therapy fall into DST gaps and overlaps
      line("  hours: { mon-sun: " + v("\"00:00-24:00\"") + " }");
    } else if (style < 3) {
      line("  hours: { mon-fri: " + v("\"08:00-18:00\"") + " }");
    } else if (style < 9) {
      line("  hours:");
      boolean any = false;
      for (String day : DAYS) {
        boolean weekend = day.equals("sat") || day.equals("sun");
        if (!chance(weekend ? 25 : 80)) continue;
        any = true;
        int open = chance(10) ? 0 : between(6, 11);
        int close = Math.min(24, open + between(5, 14));
        String closeText = close == 24 ? "24:00" : hm(close, chance(80) ? 0 : 30);
        line("    " + day + ": " + v("\"" + hm(open, chance(80) ? 0 : 30) + "-" + closeText + "\""));
      }
      if (!any) line("    wed: \"09:00-17:00\"");
    } // else: the default hours
    if (chance(50)) {
      List<String> closed = new ArrayList<>();
      for (int i = between(1, 5); i > 0; i--) {
        LocalDate a = start.plusDays(d.nextInt(150));
        closed.add(chance(70) ? a.toString() : "\"" + a + ".." + a.plusDays(between(1, 10)) + "\"");
      }
      line("  closed: [" + v(String.join(", ", closed)) + "]");
    }
    if (chance(10)) line("  holidays: " + v(pick(HOLIDAYS)));
  }

  private void ketamine() {
    line("ketamine:");
    line("  route: " + v(pick(List.of("iv", "im", "intranasal", "oral", "sublingual"))));
    line("  dose: " + v(chance(70) ? "{ mgPerKg: 0." + between(1, 9) + " }" : "{ mg: " + pick(List.of("28", "56", "84")) + " }"));
    if (chance(70)) line("  dosing: " + v(pick(List.of("20m", "30m", "40m", "45m", "1h", "PT40M"))));
    if (chance(70)) line("  monitoring: " + v(pick(List.of("1h", "90m", "2h", "2h30m", "3h", "PT2H"))));
    if (dstTime != null) line("  time: " + v(dstTime));
    else if (chance(75)) line("  time: " + v(chance(15) ? time(0, 3) : time(7, 15)));
    if (dstTime != null) line("  days: [mon, tue, wed, thu, fri, sat, sun]");
    else if (chance(55)) line("  days: [" + v(String.join(", ", someDays(1))) + "]");
    if (chance(50)) line("  minSpacing: " + v(pick(List.of("24h", "36h", "48h", "72h", "2d", "1w", "47h30m"))));
    line("  phases:");
    int n = between(1, 3);
    for (int i = 1; i <= n; i++) {
      String name = "p" + i;
      phases.add(name);
      int sessions = chance(90) ? between(1, 8) : between(9, 30);
      total += sessions;
      StringBuilder p = new StringBuilder("    - { name: " + v(name) + ", sessions: " + v(String.valueOf(sessions)));
      if (chance(60)) {
        int perWeek = between(1, 3);
        p.append(", perWeek: ").append(v(String.valueOf(perWeek)));
        if (chance(40)) p.append(", days: [").append(String.join(", ", someDays(perWeek))).append("]");
      } else {
        p.append(", every: ").append(v(pick(List.of("1w", "10d", "2w", "4w", "3d", "P1W"))));
        if (chance(20)) p.append(", days: [").append(String.join(", ", someDays(1))).append("]");
      }
      if (chance(20)) p.append(", time: ").append(time(8, 14));
      if (chance(15)) p.append(", dose: { mg: ").append(between(20, 100)).append(" }");
      line(p.append(" }").toString());
    }
    if (chance(50)) {
      line("  sessionTasks:");
      for (int i = between(1, 3); i > 0; i--) {
        line("    - { name: " + v(pick(List.of("\"Vitals: BP, HR\"", "\"C-SSRS screening\"", "Escort home", "\"Prep; IV line\"")))
            + ", at: " + v(pick(List.of("-30m", "-15m", "0m", "+2h40m", "+1d", "-1h"))) + " }");
      }
    }
  }

  private void therapy() {
    line("therapy:");
    if (chance(70)) line("  modality: " + v(pick(List.of("CBT", "ACT", "\"MI\"", "no"))));
    if (chance(80)) line("  duration: " + v(pick(List.of("30m", "50m", "60m", "90m"))));
    if (chance(80)) {
      int from = pick(List.of(0, 2, 3, 24, 24, 48));
      int to = from + pick(List.of(2, 24, 48, 72, 168));
      line("  window: { from: " + v(from == 0 ? "0m" : from + "h") + ", to: " + v(to + "h") + " }");
    }
    if (chance(70)) line("  preferredDay: " + v(String.valueOf(between(0, 3))));
    if (dstTime != null && chance(50)) line("  time: " + v(dstTime));
    else if (chance(60)) line("  time: " + v(chance(15) ? time(0, 3) : time(8, 18)));
    if (chance(50)) line("  perSession: " + v(String.valueOf(between(0, 3))));
  }

  private String milestone() {
    int k = d.nextInt(8);
    return switch (k) {
      case 0 -> "start";
      case 1 -> "first-session";
      case 2 -> "last-session";
      case 3 -> "session:" + between(1, total);
      case 4 -> "phase-start:" + pick(phases);
      case 5 -> "phase-end:" + pick(phases);
      case 6 -> "\"last-session + " + between(1, 8) + "w\"";
      default -> "\"first-session - " + between(0, 3) + "d\"";
    };
  }

  private void habits() {
    line("habits:");
    for (int i = between(1, 3); i > 0; i--) {
      StringBuilder h = new StringBuilder("  - { name: " + v(pick(List.of("Sleep routine", "Walk", "\"Mindfulness\"", "No alcohol")))
          + ", kind: " + v(pick(List.of("sleep", "activity", "mindfulness", "substance-avoidance", "other")))
          + ", every: " + v(pick(List.of("day", "2d", "1w", "[mon, wed, sat]", "weekly"))));
      if (chance(60)) h.append(", time: ").append(time(6, 22));
      if (chance(40)) h.append(", duration: ").append(pick(List.of("10m", "30m", "1h")));
      if (chance(20)) h.append(", from: ").append(v(milestone()));
      if (chance(20)) h.append(", until: ").append(v(pick(List.of("\"last-session + 4w\"", "plan-end", "\"plan-end + 2w\""))));
      line(h.append(" }").toString());
    }
  }

  private void followUps() {
    line("followUp:");
    for (int i = between(1, 3); i > 0; i--) {
      StringBuilder f = new StringBuilder("  - { name: " + v(pick(List.of("Family session", "Review", "PHQ-9", "Support group", "Step-down")))
          + ", kind: " + v(pick(List.of("family", "psychiatry", "assessment", "support-group", "step-down", "other"))));
      if (chance(50)) {
        f.append(", every: ").append(v(pick(List.of("1w", "2w", "10d", "day"))));
        if (chance(60)) f.append(", day: ").append(v(DAYS[d.nextInt(5)]));
        if (chance(30)) f.append(", from: ").append(v(milestone()));
        if (chance(40)) f.append(", until: ").append(v(pick(List.of("\"last-session + 4w\"", "last-session", "plan-end"))));
      } else {
        List<String> at = new ArrayList<>();
        for (int k = between(1, 4); k > 0; k--) at.add(milestone());
        f.append(", at: [").append(v(String.join(", ", at))).append("]");
      }
      if (chance(60)) f.append(", time: ").append(time(8, 17));
      if (chance(40)) f.append(", duration: ").append(v(pick(List.of("30m", "45m", "60m", "2h"))));
      line(f.append(" }").toString());
    }
  }

  /** The weekday names, for tests. */
  public static String day(DayOfWeek w) {
    return DAYS[w.ordinal()];
  }
}
