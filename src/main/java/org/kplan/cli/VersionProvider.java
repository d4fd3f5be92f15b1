package org.kplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code kplan --version}: version, commit and the Java that runs it. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/kplan-version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // fall back to "unknown"
    }
    return new String[] {
      "kplan " + p.getProperty("version", "unknown") + " (commit " + p.getProperty("commit", "unknown") + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
