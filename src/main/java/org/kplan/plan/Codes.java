package org.kplan.plan;

/**
 * Codes of the findings that the loader and the engine produce themselves. The rule catalogue
 * (package {@code rules}) documents them beside the rules.
 */
public final class Codes {
  private Codes() {}

  /** The file is not readable YAML, is empty, too large, or not a mapping. */
  public static final String PLN_SYNTAX = "PLN001";
  /** A key that the format does not have. */
  public static final String PLN_UNKNOWN_KEY = "PLN002";
  /** A value of the wrong type or form (date, time, duration, weekday, zone, number ...). */
  public static final String PLN_BAD_VALUE = "PLN003";
  /** A required key is missing. */
  public static final String PLN_MISSING = "PLN004";
  /** A reference that does not resolve: template, phase name, session number, milestone. */
  public static final String PLN_REFERENCE = "PLN005";
  /** The same key twice in one mapping. */
  public static final String PLN_DUPLICATE_KEY = "PLN006";
  /** Scheduled sessions lie before {@code now}. */
  public static final String PLN_PAST = "PLN007";

  /** A dosing session for which no slot was found. */
  public static final String KET_UNPLACEABLE = "KET016";
  /** Therapy that cannot be placed inside its post-dose window. */
  public static final String THR_UNPLACEABLE = "THR001";
  /** A follow-up or habit that cannot be placed (all its days closed, or its milestone out of range). */
  public static final String FUP_UNPLACEABLE = "FUP009";
}
