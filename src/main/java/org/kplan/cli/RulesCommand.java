package org.kplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kplan.export.FileReport;
import org.kplan.plan.Finding;
import org.kplan.plan.InputException;
import org.kplan.plan.Suggest;
import org.kplan.rules.Catalogue;
import org.kplan.rules.Family;
import org.kplan.rules.Profile;
import org.kplan.rules.Rule;
import org.kplan.rules.RuleDocs;
import org.kplan.term.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kplan rules [RULE]}: the rule catalogue, or one rule explained with its sources. */
@Command(
    name = "rules",
    sortOptions = false,
    headerHeading = "",
    header = "List the rule catalogue, or explain one rule with its thresholds and sources.",
    description = {
      "Without RULE, lists every rule: code, default severity and summary. With",
      "--rules, the severities are the profile's, and rules it switches off show",
      "`off`.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan rules",
      "  kplan rules KET020",
      "  kplan rules --rules clinic-rules.yaml",
      "",
      "Exit codes: 0 listed; 2 unknown rule or invalid profile."
    })
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RULE", completionCandidates = Candidates.RuleCodes.class,
      description = "A rule code such as KET020.")
  String rule;

  @Option(names = "--rules", paramLabel = "PROFILE", description = "Show severities as this rule profile sets them.")
  Path profileFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (rule != null) {
      String code = rule.trim().toUpperCase(Locale.ROOT);
      Optional<Rule> r = Catalogue.get(code);
      if (r.isEmpty()) {
        throw new UsageException("unknown rule `" + rule + "`" + Suggest.didYouMean(code, Catalogue.codes())
            + " (run `kplan rules` for the catalogue)");
      }
      out.print(RuleDocs.explain(r.get()));
      return Main.OK;
    }
    Profile profile = Profile.DEFAULTS;
    if (profileFile != null) {
      try {
        profile = Profile.load(profileFile);
      } catch (InputException e) {
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diag = new Diagnostics(common.style());
        for (Finding p : e.problems()) diag.print(p, err);
        err.println("kplan: " + profileFile + ": " + FileReport.plural(e.problems().size(), "problem") + " in the rule profile");
        return Main.INPUT;
      }
    }
    Family family = null;
    for (Rule r : Catalogue.ALL) {
      if (r.family() != family) {
        if (family != null) out.println();
        family = r.family();
        out.println(common.style().bold(family.name() + "  " + family.title));
      }
      String sev = profile.enabled(r) ? profile.severity(r).label() : "off";
      out.println(String.format("  %-7s %-8s %s", r.code(), sev, r.summary()));
    }
    out.println();
    out.println("Run 'kplan rules CODE' to see what a rule checks, its thresholds and their sources.");
    return Main.OK;
  }
}
