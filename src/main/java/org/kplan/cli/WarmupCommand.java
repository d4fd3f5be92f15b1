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
      Path adults = Files.createDirectory(dir.resolve("adults")), minors = Files.createDirectory(dir.resolve("minors"));
      for (String name : Templates.names()) {
        String rest = "timezone: Europe/Berlin\nstart: 2027-03-01\n"
            + (name.equals(Templates.names().get(0)) ? "clinic: { holidays: DE-BE, closed: [2027-03-10, \"2027-04-01..2027-04-02\"] }\n" : "");
        Path f = adults.resolve(name + ".yaml");
        SafeFiles.write(f, plan(name, "1990-01-01", rest), false);
        plans.add(f);
        // the same template for a patient under 18, for the rules (and their lambdas) that only minors
        // reach; without the consent a minor needs, so validate also prints findings
        SafeFiles.write(minors.resolve(name + ".yaml"), plan(name, "2012-01-01", rest), false);
      }
      // the command lines people run most, through the same paths as a real run, output thrown away
      String one = plans.get(plans.size() - 1).toString();
      String out = dir.resolve("calendars").toString();
      run("--help");
      run("validate", one);
      run("validate", "-f", "json", adults.toString());
      run("validate", minors.resolve(Templates.names().get(0) + ".yaml").toString());
      run("validate", minors.toString());
      for (String p : plans.stream().map(Path::toString).toList()) {
        for (String f : new String[] {"table", "json", "csv", "md", "ics"}) run("schedule", p, "-f", f);
      }
      run("show", one);
      run("calendar", adults.toString(), "-o", out, "-q");
      run("calendar", adults.toString(), "-o", out, "-q", "--force");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
    return Main.OK;
  }

  private static byte[] plan(String template, String birthDate, String rest) {
    String text = "version: 1\nkind: plan\nid: warmup-" + template + "-" + birthDate.substring(0, 4) + "\nextends: " + template
        + "\npatient: { ref: W-" + birthDate.substring(0, 4) + ", weightKg: 70, birthDate: " + birthDate + " }\n" + rest;
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void run(String... args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Main.run(args, sink, sink, InputStream.nullInputStream(), Map.of("SOURCE_DATE_EPOCH", "1767225600"));
  }
}
