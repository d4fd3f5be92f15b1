package org.kplan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Engine.describe writes by hand what the {@code EEE uuuu-MM-dd HH:mm} formatter wrote. */
class DescribeTest {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ENGLISH);

  @Test
  void sameAsTheFormatter() {
    List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("America/St_Johns"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));
    Random r = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      long sec = (long) (r.nextDouble() * 400L * 365 * 86400) - 200L * 365 * 86400; // about 1770 to 2370
      if (i % 100 == 0) sec = r.nextLong() % (300_000L * 365 * 86400); // far years, formatter fallback
      ZonedDateTime t = Instant.ofEpochSecond(sec).atZone(zones.get(i % zones.size()));
      assertEquals(DAY.format(t), Engine.describe(t), t.toString());
    }
  }
}
