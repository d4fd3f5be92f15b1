package org.kplan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * One rule of the catalogue: its metadata (code, summary, default severity, thresholds with
 * their sources, explanation) and its check. Subclasses are small final classes, one per rule,
 * listed in {@link Catalogue}. A rule is stateless: it reads the plan, the schedule and its
 * thresholds from the {@link Check} it is given and returns findings; it never prints.
 */
public abstract class Rule {
  /** Where a rule's findings come from. */
  public enum Origin {
    /** The plan loader reports it while reading the file (structure). */
    LOADER,
    /** The scheduling engine reports it while placing events. */
    ENGINE,
    /** The rule's own {@link #check}. */
    RULE
  }

  private final String code;
  private final Family family;
  private final Severity severity;
  private final String summary;
  private final List<Threshold<?>> thresholds;
  private final List<Source> sources;
  private final String explanation;
  private final Origin origin;
  private final boolean perSession;

  protected Rule(Meta m) {
    this.code = m.code;
    this.family = Family.of(m.code);
    this.severity = m.severity;
    this.summary = m.summary;
    this.thresholds = List.copyOf(m.thresholds);
    this.sources = List.copyOf(m.sources);
    this.explanation = m.explanation == null ? "" : m.explanation; // stripped when asked: only documentation reads it
    this.origin = m.origin;
    this.perSession = m.perSession;
    if (family == null || !org.kplan.plan.PlanLoader.isRuleCode(code)) throw new IllegalArgumentException("bad rule code " + code);
  }

  /** Starts the metadata of a rule. */
  protected static Meta meta(String code, Severity severity, String summary) {
    return new Meta(code, severity, summary);
  }

  /** The findings of this rule for one plan and its schedule. Loader and engine rules return none here. */
  public abstract List<Finding> check(Check c);

  public final String code() {
    return code;
  }

  /** A CamelCase name for tools that want one (SARIF {@code rules[].name}): the class name. */
  public final String name() {
    return getClass().getSimpleName();
  }

  public final Family family() {
    return family;
  }

  public final Severity severity() {
    return severity;
  }

  /** One line, no trailing period. */
  public final String summary() {
    return summary;
  }

  public final List<Threshold<?>> thresholds() {
    return thresholds;
  }

  /** The sources of the rule itself (thresholds carry their own). */
  public final List<Source> sources() {
    return sources;
  }

  /** What the rule checks and why, in paragraphs separated by blank lines. */
  public final String explanation() {
    return explanation.strip();
  }

  public final Origin origin() {
    return origin;
  }

  /** True when each finding is about one dosing session, so a waiver may list {@code sessions}. */
  public final boolean perSession() {
    return perSession;
  }

  /** Structural loader rules cannot be changed by a profile: a plan that does not load has nothing to check. */
  public boolean configurable() {
    return origin != Origin.LOADER;
  }

  /** Waivers may silence this rule (not structure, not the waiver rules themselves). */
  public boolean waivable() {
    return configurable() && family != Family.WAV;
  }

  /** The threshold named {@code name}, or null. */
  public final Threshold<?> threshold(String name) {
    for (Threshold<?> t : thresholds) if (t.name().equals(name)) return t;
    return null;
  }

  @Override
  public String toString() {
    return code + " " + summary;
  }

  /** Builder for a rule's metadata, used in each rule's constructor. */
  protected static final class Meta {
    private final String code;
    private final Severity severity;
    private final String summary;
    private final List<Threshold<?>> thresholds = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private String explanation;
    private Origin origin = Origin.RULE;
    private boolean perSession;

    private Meta(String code, Severity severity, String summary) {
      this.code = Objects.requireNonNull(code);
      this.severity = Objects.requireNonNull(severity);
      this.summary = Objects.requireNonNull(summary);
    }

    public Meta thresholds(Threshold<?>... t) {
      thresholds.addAll(List.of(t));
      return this;
    }

    public Meta sources(Source... s) {
      sources.addAll(List.of(s));
      return this;
    }

    public Meta explanation(String text) {
      this.explanation = text;
      return this;
    }

    /** Each finding is about one dosing session (it carries the session's event id). */
    public Meta perSession() {
      this.perSession = true;
      return this;
    }

    /** Findings come from the loader or the engine, not from {@link Rule#check}. */
    public Meta origin(Origin o) {
      this.origin = o;
      return this;
    }
  }
}
