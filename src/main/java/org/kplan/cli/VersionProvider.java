package org.kplan.cli;

import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code kplan --version}: version, commit and the Java that runs it. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return lines();
  }

  /** The lines of {@code kplan --version}. */
  static String[] lines() {
    Properties p = properties();
    // StringBuilder, not +: string concatenation bootstraps method handles, a tenth of the --version fast path
    return new String[] {
      new StringBuilder("kplan ").append(p.getProperty("version", "unknown")).append(" (commit ").append(p.getProperty("commit", "unknown")).append(')').toString(),
      new StringBuilder("Java ").append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name")).append(')').toString()
    };
  }

  /** The kplan version alone ({@code 0.1.0}), for reports such as SARIF. */
  static String version() {
    return properties().getProperty("version", "unknown");
  }

  private static Properties properties() {
    Properties p = new Properties();
    try {
      byte[] b = org.kplan.plan.Resources.read("kplan-version.properties");
      if (b != null) p.load(new java.io.ByteArrayInputStream(b));
    } catch (IOException e) {
      // fall back to "unknown"
    }
    return p;
  }
}
