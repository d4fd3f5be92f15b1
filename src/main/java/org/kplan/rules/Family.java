package org.kplan.rules;

/** Rule families: the first three letters of a rule code. */
public enum Family {
  PLN("plan structure"),
  PAT("patient"),
  KET("dosing"),
  THR("therapy"),
  HAB("habits"),
  FUP("follow-up"),
  WAV("waivers");

  public final String title;

  Family(String title) {
    this.title = title;
  }

  /** The family of a code such as {@code KET012}, or null. */
  public static Family of(String code) {
    if (code == null || code.length() < 3) return null;
    for (Family f : values()) if (code.startsWith(f.name())) return f;
    return null;
  }
}
