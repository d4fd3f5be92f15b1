package org.kplan.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kplan.export.SafeFiles;
import org.kplan.plan.Templates;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises the common code paths (help, loading, scheduling, checking, every writer, and
 * the commonest command lines) on the built-in templates, in a temporary directory it removes, so
 * that the launcher can record a class-data-sharing archive of the classes kplan uses.
 */
@Command(name = "__warmup", hidden = true)
public final class WarmupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Writer sink = Writer.nullWriter();
    CommandLine root = Main.commandLine(null);
    root.usage(new PrintWriter(sink));
    for (CommandLine sub : root.getSubcommands().values()) sub.usage(new PrintWriter(sink));
    Path dir = Files.createTempDirectory("kplan-warmup"); // owner-only; removed below
    try {
      List<Path> plans = new ArrayList<>();
      for (String name : Templates.names()) {
        String text = "version: 1\nkind: plan\nid: warmup-" + name + "\nextends: " + name + "\npatient: { ref: W-1, weightKg: 70, birthDate: 1990-01-01 }\n"
            + "timezone: Europe/Berlin\nstart: 2027-03-01\n"
            + (name.equals(Templates.names().get(0)) ? "clinic: { holidays: DE-BE, closed: [2027-03-10, \"2027-04-01..2027-04-02\"] }\n" : "");
        Path f = dir.resolve(name + ".yaml");
        SafeFiles.write(f, text.getBytes(StandardCharsets.UTF_8), false);
        plans.add(f);
      }
      // the command lines people run most, through the same paths as a real run, output thrown away
      String one = plans.get(plans.size() - 1).toString();
      String out = dir.resolve("calendars").toString();
      run("--help");
      run("validate", one);
      run("validate", "-f", "json", dir.toString());
      for (String p : plans.stream().map(Path::toString).toList()) {
        for (String f : new String[] {"table", "json", "csv", "md", "ics"}) run("schedule", p, "-f", f);
      }
      run("show", one);
      run("calendar", dir.toString(), "-o", out, "-q");
      run("calendar", dir.toString(), "-o", out, "-q", "--force");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
    return Main.OK;
  }

  private static void run(String... args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Main.run(args, sink, sink, InputStream.nullInputStream(), Map.of("SOURCE_DATE_EPOCH", "1767225600"));
  }
}
