package org.kplan.cli;

import java.io.IOException;
import java.io.InputStream;
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
    return new String[] {
      "kplan " + p.getProperty("version", "unknown") + " (commit " + p.getProperty("commit", "unknown") + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  /** The kplan version alone ({@code 0.1.0}), for reports such as SARIF. */
  static String version() {
    return properties().getProperty("version", "unknown");
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/kplan-version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // fall back to "unknown"
    }
    return p;
  }
}
