package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loader's regex-free fast paths against the regular expressions they replace (kept here as
 * oracles): same slug, same duration, same error, for generated and hand-picked text.
 */
class FastPathsTest {
  /** Slug.of as it was written with regular expressions. */
  static String slugOracle(String s) {
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
    return slug.isEmpty() ? "item" : slug;
  }

  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d{1,6})w)?(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m(?:in)?)?");
  private static final Pattern ISO =
      Pattern.compile("P(?:(\\d{1,6})W)?(?:(\\d{1,6})D)?(?:T(?:(\\d{1,7})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?");

  /** PlanDuration.parse as it was written with regular expressions only. */
  static String durationOracle(String text, boolean signed) {
    try {
      String s = text.trim().replace(" ", "");
      boolean neg = false;
      if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
        if (!signed) throw new IllegalArgumentException("a duration here cannot have a sign");
        neg = s.charAt(0) == '-';
        s = s.substring(1);
      }
      if (s.isEmpty()) throw new IllegalArgumentException("expected a duration such as 40m, 2h, 1h30m, 3d or 2w");
      Matcher iso = ISO.matcher(s.toUpperCase(Locale.ROOT));
      if (s.length() > 1 && (s.charAt(0) == 'P' || s.charAt(0) == 'p') && iso.matches()) {
        long w = num(iso.group(1)), d = num(iso.group(2)), h = num(iso.group(3)), m = num(iso.group(4)), sec = num(iso.group(5));
        if (sec % 60 != 0) throw new IllegalArgumentException("durations are in whole minutes; seconds are not supported");
        if (s.equalsIgnoreCase("P") || s.equalsIgnoreCase("PT")) throw new IllegalArgumentException("empty ISO-8601 duration");
        return new PlanDuration(neg, w * 7 + d, h * 60 + m + sec / 60).toString();
      }
      Matcher m = SHORT.matcher(s.toLowerCase(Locale.ROOT));
      if (!m.matches() || s.chars().allMatch(Character::isDigit)) {
        if (s.chars().allMatch(Character::isDigit)) {
          throw new IllegalArgumentException("a duration needs a unit: " + s + "m, " + s + "h, " + s + "d or " + s + "w");
        }
        throw new IllegalArgumentException("expected a duration such as 40m, 2h, 1h30m, 3d or 2w (or ISO-8601 PT40M)");
      }
      long w = num(m.group(1)), d = num(m.group(2)), h = num(m.group(3)), min = num(m.group(4));
      return new PlanDuration(neg, w * 7 + d, h * 60 + min).toString();
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private static long num(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }

  private static String duration(String text, boolean signed) {
    try {
      return PlanDuration.parse(text, signed).toString();
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String random(Random r, String alphabet, int max) {
    return org.kplan.support.RandomText.of(r, alphabet, max);
  }

  @Test
  void slugMatchesTheRegexVersion() {
    String[] fixed = {"", "-", "--a--", "Vitals: BP, HR", "Suicide-risk screening (C-SSRS, since last visit)",
        "Ünïcödé café", "ＦＵＬＬ width", "a".repeat(39) + "-b", "a".repeat(40) + "-b", "a".repeat(41), "x".repeat(39) + "--yy",
        "Tab\there", "line\nbreak", "émoji 🙂 end", "ß", "İstanbul", "ﬁ ligature", "123", "  lead and trail  "};
    for (String s : fixed) assertEquals(slugOracle(s), Slug.of(s), s);
    Random r = new Random(7);
    String alphabet = "aZ09 -_:,.()/\t\néüÅß🙂İﬁ";
    for (int i = 0; i < 20_000; i++) {
      String s = random(r, alphabet, 60);
      assertEquals(slugOracle(s), Slug.of(s), s);
    }
  }

  @Test
  void durationMatchesTheRegexVersion() {
    String[] fixed = {"", " ", "+", "-", "40m", "-15m", "+2h40m", "1h30m", "2w", "3d", "1w2d3h4m", "1min", "1mi", "1minx",
        "10m ", " 10m", "1d1w", "1h1h", "1234567w", "123456w", "99999999d", "9999999h", "999999999m", "1000000000m",
        "007m", "0m", "-0m", "2H", "P2W", "PT40M", "p1d", "pt", "P", "40", "m", "4 0m", "1m1", "+-1m", "1M", "1w 2d", "١٢m"};
    for (String s : fixed) {
      assertEquals(durationOracle(s, true), duration(s, true), s);
      assertEquals(durationOracle(s, false), duration(s, false), s);
    }
    Random r = new Random(11);
    String alphabet = "0123456789wdhmin+- PTMHWDSx";
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, alphabet, 12);
      boolean signed = r.nextBoolean();
      assertEquals(durationOracle(s, signed), duration(s, signed), s);
    }
  }

  @Test
  void splitDashMatchesTheRegex() {
    Pattern dash = Pattern.compile("\\s*-\\s*");
    Random r = new Random(3);
    String[] fixed = {"", "-", "--", "mon-fri", "-fri", "mon-", "mon--fri", "mon - fri", " mon-fri", "08:00-18:00", "a-b-c", "x"};
    for (String s : fixed) assertEquals(java.util.Arrays.asList(dash.split(s)), java.util.Arrays.asList(PlanLoader.splitDash(s)), s);
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, "mon:0-,\t\u000b\u2003\u00a0 ", 8);
      assertEquals(java.util.Arrays.asList(dash.split(s)), java.util.Arrays.asList(PlanLoader.splitDash(s)), s);
    }
  }

  @Test
  void idAndDateChecksMatchTheRegex() {
    Pattern id = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Random r = new Random(9);
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, "aZ09._-/ é١", i % 10 == 0 ? 70 : 12);
      assertEquals(id.matcher(s).matches(), PlanLoader.isPlanId(s), s);
      String d = random(r, "0123456789-x١", 11);
      assertEquals(date.matcher(d).matches(), PlanLoader.isDateShape(d), d);
    }
    for (String s : new String[] {"a".repeat(64), "a".repeat(65), "2027-01-01", "2027-1-01", "-a", "a-", "_a"}) {
      assertEquals(id.matcher(s).matches(), PlanLoader.isPlanId(s), s);
      assertEquals(date.matcher(s).matches(), PlanLoader.isDateShape(s), s);
    }
  }

  @Test
  void itemPhaseRuleAndTimeChecksMatchTheRegex() {
    Pattern item = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}"), phase = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,40}"),
        rule = Pattern.compile("[A-Z]{3}\\d{3}"), time = Pattern.compile("(\\d{1,2}):(\\d{2})");
    Random r = new Random(13);
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, "aZz09_-. é١", i % 10 == 0 ? 45 : 8);
      assertEquals(item.matcher(s).matches(), PlanLoader.isItemId(s), s);
      assertEquals(phase.matcher(s).matches(), PlanLoader.isPhaseName(s), s);
      String c = random(r, "AKZa09١", 7);
      assertEquals(rule.matcher(c).matches(), PlanLoader.isRuleCode(c), c);
      String t = random(r, "0123456789:x١ ", 6);
      Matcher m = time.matcher(t);
      assertEquals(m.matches() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : -1, PlanLoader.hourMinute(t), t);
    }
    for (String s : new String[] {"a".repeat(41), "a".repeat(42), "-a", "a-", "A", "KET001", "KET01", "ket001", "9:00", "09:00", "099:00", "24:61", ":00", "9:0"}) {
      assertEquals(item.matcher(s).matches(), PlanLoader.isItemId(s), s);
      assertEquals(phase.matcher(s).matches(), PlanLoader.isPhaseName(s), s);
      assertEquals(rule.matcher(s).matches(), PlanLoader.isRuleCode(s), s);
      Matcher m = time.matcher(s);
      assertEquals(m.matches() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : -1, PlanLoader.hourMinute(s), s);
    }
  }

  @Test
  void bpWordCheckMatchesTheRegex() {
    Pattern bp = Pattern.compile(".*\\bbp\\b.*");
    String[] fixed = {"bp", "bp check", "vitals (bp)", "bpm", "sbp", "b_p", "bp_", "x bp\ny", "x\nbp", "é bp", "ébp", "bp\u0301", "1bp", "bp2", ""};
    for (String s : fixed) assertEquals(bp.matcher(s).matches(), Slug.hasWordBp(s), s);
    Random r = new Random(17);
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, "bpx _-1(\né\u0301", 10);
      assertEquals(bp.matcher(s).matches(), Slug.hasWordBp(s), s);
    }
  }

  @Test
  void milestoneGroupsMatchTheRegex() {
    Pattern p = Pattern.compile("\\s*([a-z-]+?)(?::\\s*(\\S+?))?\\s*(?:([+-])\\s*([\\dPp]\\S*))?\\s*");
    String[] fixed = {"start", "last-session + 4w", "last-session+4w", "last-session-4w", "session:3", "session:3-2w", "session: 3",
        "phase-end:induction", "phase-end:post-induction", "phase-end:induction-2", "plan-end - P2W", " start ", "foo-plan", "start\t+1d",
        "first-session + 1d 2h", "first-session +", "session:", "session:3 +", "phase-start:x + p1d", "startx", "start:"};
    for (String s : fixed) assertEquals(oracle(p, s), java.util.Arrays.toString(Milestone.groups(s)), s);
    Random r = new Random(19);
    String[] words = {"start", "first-session", "last-session", "session", "phase-start", "phase-end", "plan-end", "sess", "x"};
    for (int i = 0; i < 50_000; i++) {
      String s = random(r, " ", 2) + words[r.nextInt(words.length)] + random(r, ":-+ 0123Ppwdhmxa-\t", 10);
      assertEquals(oracle(p, s), java.util.Arrays.toString(Milestone.groups(s)), s);
    }
  }

  private static String oracle(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.matches() ? java.util.Arrays.toString(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)}) : "null";
  }
}
