package org.kplan.plan;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * kplan's own resources (templates, the holiday table, the pre-rendered help, the version). When
 * kplan runs from its jar ({@code java -jar}, as the launcher runs it, so the class path is that one
 * file) they are read through a {@link ZipFile} on it, which shares the central directory the class
 * loader has already read. {@link Class#getResourceAsStream} builds {@code jar:} URLs and
 * connections first, which cost several milliseconds of every run's start-up in the interpreter.
 * Anywhere else (the tests, an unpacked class path) it is {@link Class#getResourceAsStream}.
 */
public final class Resources {
  private Resources() {}

  private static final ZipFile JAR = ownJar();

  /** The jar kplan runs from, or null: the class path is one file, and it holds this class. */
  private static ZipFile ownJar() {
    String cp = System.getProperty("java.class.path", "");
    if (cp.isEmpty() || cp.indexOf(File.pathSeparatorChar) >= 0) return null;
    try {
      ZipFile z = new ZipFile(cp);
      if (z.getEntry(Resources.class.getName().replace('.', '/') + ".class") != null) return z; // open while kplan runs
      z.close();
    } catch (IOException | RuntimeException e) {
      // a directory, or not a jar: read through the class loader
    }
    return null;
  }

  /** The bytes of resource {@code name} (a path from the root, such as {@code templates/x.yaml}), or null when there is none. */
  public static byte[] read(String name) throws IOException {
    if (JAR != null) {
      ZipEntry e = JAR.getEntry(name);
      if (e == null || e.isDirectory()) return null;
      try (InputStream in = JAR.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
    try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** Whether resources come from kplan's jar directly (for tests of this class). */
  static boolean fromJar() {
    return JAR != null;
  }
}
