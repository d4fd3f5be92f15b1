package org.kplan.schedule;

/** The kinds of scheduled items, in the order they sort when they start at the same moment. */
public enum EventKind {
  KETAMINE("ketamine"),
  TASK("task"),
  THERAPY("therapy"),
  ASSESSMENT("assessment"),
  FOLLOW_UP("follow-up"),
  HABIT("habit");

  public final String word;

  EventKind(String word) {
    this.word = word;
  }

  @Override
  public String toString() {
    return word;
  }
}
