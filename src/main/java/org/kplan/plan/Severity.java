package org.kplan.plan;

import java.util.Locale;

/** How serious a finding is. Ordered from most to least serious. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String s) {
    for (Severity v : values()) if (v.label().equals(s)) return v;
    return null;
  }
}
