package org.kplan.rules.fup;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** FUP009: a follow-up or habit that cannot be placed. Reported by the engine. */
public final class FollowUpUnplaceable extends Rule {
  public FollowUpUnplaceable() {
    super(meta("FUP009", Severity.WARNING, "Follow-up or habit that cannot be placed")
        .origin(Origin.ENGINE)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            The scheduler could not place a follow-up occurrence or a habit: every day for 42
            days after its date is closed or full, a recurring item starts after it ends (its
            `from` lies after its `until`), or its milestone has no date because the dosing
            session it names could not be placed (see KET016).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
