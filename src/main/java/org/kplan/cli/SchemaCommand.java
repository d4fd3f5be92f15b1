package org.kplan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.kplan.export.PlanSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kplan schema}: the JSON Schema of the plan format. */
@Command(
    name = "schema",
    headerHeading = "",
    header = "Print the JSON Schema (draft 2020-12) of the plan format, for editors and CI.",
    description = {
      "Prints the JSON Schema of plan files (version 1), generated from the same model the loader checks keys against. Editors with a YAML language server use it for completion and checks: put '# yaml-language-server: $schema=PATH' on a plan's first line.",
      "",
      "The schema describes a file as written: a file that `extends` a template need not repeat what the template gives, and a template (kind: template) may leave patient, timezone and start out. kplan itself checks more than a schema can (real dates, known time zones, phase names in milestones).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  kplan schema > kplan-plan.schema.json",
      "  kplan schema | jq '.properties | keys'",
      "",
      "Exit codes: 0 printed."
    })
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StringWriter buf = new StringWriter();
    PlanSchema.write(buf);
    out.print(buf);
    out.flush();
    return Main.OK;
  }
}
