package org.kplan.export;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * The findings for one validated file, sorted. {@code unreadable} is true when the file could
 * not be read at all (its only finding says why; exit code 2).
 */
public record FileReport(String file, List<Finding> findings, boolean unreadable) {
  public FileReport {
    // loops, not streams: this runs at every kplan validate, where a lambda's first use costs more than the loop
    Finding[] sorted = findings.toArray(new Finding[0]);
    Arrays.sort(sorted);
    findings = Collections.unmodifiableList(Arrays.asList(sorted));
  }

  public long count(Severity s) {
    long n = 0;
    for (Finding f : findings) if (f.severity() == s) n++;
    return n;
  }

  /** True when the file fails: unreadable, or a finding at {@code failAt} or more serious. */
  public boolean fails(Severity failAt) {
    if (unreadable) return true;
    for (Finding f : findings) if (f.severity().compareTo(failAt) <= 0) return true;
    return false;
  }

  /** "2 errors, 1 warning, 0 infos". */
  public static String counts(long errors, long warnings, long infos) {
    return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
  }

  public static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
