import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes N varied synthetic plans for the benchmark: different templates, zones, start dates,
 * weekdays, closures and (for some) public-holiday calendars. Deterministic for a seed.
 *
 * <pre>java GeneratePlans DIR N [SEED] [SESSION_SCALE]</pre>
 */
public final class GeneratePlans {
  static final List<String> TEMPLATES = List.of("adult-iv-induction", "esketamine-trd", "ptsd-iv-series", "adolescent-iv-induction");
  static final List<String> ZONES = List.of("America/Los_Angeles", "America/New_York", "America/Chicago", "Europe/London",
      "Europe/Berlin", "Australia/Sydney", "America/Denver", "Europe/Madrid", "Asia/Tokyo", "America/Sao_Paulo");
  static final List<String> HOLIDAYS = List.of("US-CA", "US-NY", "US-IL", "GB", "DE-BE", "AU-NSW", "US-CO", "ES", "JP", "BR");

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int scale = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(dir);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      Files.writeString(dir.resolve(String.format("plan-%06d.yaml", i)), plan(r, i, scale), StandardCharsets.UTF_8);
    }
  }

  static String plan(Random r, int i, int scale) {
    String template = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
    int z = r.nextInt(ZONES.size());
    LocalDate start = LocalDate.of(2027, 1, 4).plusDays(r.nextInt(300));
    boolean minor = template.startsWith("adolescent");
    LocalDate birth = minor ? start.minusYears(14 + r.nextInt(4)).minusDays(r.nextInt(300)) : start.minusYears(19 + r.nextInt(40)).minusDays(r.nextInt(300));
    StringBuilder b = new StringBuilder();
    b.append("version: 1\nkind: plan\n");
    b.append("id: bench-").append(String.format("%06d", i)).append('\n');
    b.append("extends: ").append(template).append('\n');
    b.append("patient:\n  ref: B-").append(String.format("%06d", i)).append('\n');
    b.append("  birthDate: ").append(birth).append('\n');
    b.append("  weightKg: ").append(minor ? 40 + r.nextInt(39) : 45 + r.nextInt(50)).append('.').append(r.nextInt(10)).append('\n');
    if (minor) {
      LocalDate consent = start.minusDays(7 + r.nextInt(20));
      b.append("  guardianConsent: ").append(consent).append("\n  assent: ").append(consent).append('\n');
    }
    b.append("timezone: ").append(ZONES.get(z)).append('\n');
    b.append("start: ").append(start).append('\n');
    b.append("clinic:\n  name: Bench Clinic ").append(z).append('\n');
    b.append("  chairs: 40\n");
    if (r.nextInt(10) == 0) b.append("  holidays: ").append(HOLIDAYS.get(z)).append('\n');
    if (!template.startsWith("esketamine")) {
      // a closure inside the series moves sessions; the clinic stays open on the therapy days
      LocalDate c = start.plusDays(7 + r.nextInt(7));
      while (c.getDayOfWeek() != DayOfWeek.TUESDAY) c = c.plusDays(1);
      b.append("  closed: [\"").append(c).append("..").append(c.plusDays(1)).append("\"]\n");
    }
    if (minor) {
      b.append("ketamine:\n  offLabelRationale: \"Benchmark plan: treatment-resistant depression, two failed trials\"\n");
    }
    if (scale > 1) {
      if (!minor) b.append("ketamine:\n");
      b.append("  phases:\n");
      b.append("    - { name: induction, sessions: ").append(6 * scale > 500 ? 500 : 6 * scale).append(", perWeek: 2 }\n");
    }
    return b.toString();
  }
}
