package org.kplan.export;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * The findings for one validated file, sorted. {@code unreadable} is true when the file could
 * not be read at all (its only finding says why; exit code 2).
 */
public record FileReport(String file, List<Finding> findings, boolean unreadable) {
  public FileReport {
    findings = findings.stream().sorted().toList();
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** True when the file fails: unreadable, or a finding at {@code failAt} or more serious. */
  public boolean fails(Severity failAt) {
    return unreadable || findings.stream().anyMatch(f -> f.severity().compareTo(failAt) <= 0);
  }

  /** "2 errors, 1 warning, 0 infos". */
  public static String counts(long errors, long warnings, long infos) {
    return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
  }

  public static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
