package org.kplan.rules.pln;

import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;

/** PLN001: The file is not a readable YAML plan. Reported by the loader, documented here. */
public final class PlanSyntax extends Rule {
  public PlanSyntax() {
    super(meta("PLN001", Severity.ERROR, "The file is not a readable YAML plan")
        .origin(Origin.LOADER)
        .sources(Sources.PLAN_FORMAT)
        .explanation("""
            The file could not be read as one YAML mapping: a syntax error, an empty file, a
            binary or non-UTF-8 file, a file over 1 MiB, a second YAML document, YAML aliases, or a
            top level that is not a mapping. The finding points at the place the YAML parser gave
            up.

            Nothing else in the file is checked until it parses. Fix the YAML (an editor with the
            kplan JSON Schema shows the problem as you type).
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    return List.of();
  }
}
