package org.kplan.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources read the same bytes from kplan's jar (as the launcher runs it) as through the class loader. */
class ResourcesTest {
  private static final List<String> NAMES = List.of("templates/adult-iv-induction.yaml", "org/kplan/plan/holidays/US-NY.txt",
      "org/kplan/plan/holidays/index.txt", "kplan-version.properties", "no/such/resource.txt", "templates/");

  /** Run in a JVM whose class path is one jar: prints, for each name, fromJar and the bytes (or "null"). */
  public static void main(String[] args) throws IOException {
    StringBuilder b = new StringBuilder().append(Resources.fromJar()).append('\n');
    for (String n : args) {
      byte[] r = Resources.read(n);
      b.append(n).append(' ').append(r == null ? "null" : java.util.HexFormat.of().formatHex(r)).append('\n');
    }
    System.out.print(b);
  }

  @Test
  void onTheTestClassPathTheClassLoaderReads() throws IOException {
    assertFalse(Resources.fromJar());
    try (var in = Resources.class.getResourceAsStream("/templates/adult-iv-induction.yaml")) {
      assertArrayEquals(in.readAllBytes(), Resources.read("templates/adult-iv-induction.yaml"));
    }
    assertNull(Resources.read("no/such/resource.txt"));
  }

  @Test
  void fromItsOwnJarTheSameBytes(@TempDir Path tmp) throws Exception {
    Path jar = tmp.resolve("kplan.jar");
    Path classes = Path.of("target/classes"), testClasses = Path.of("target/test-classes");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, classes, classes);
      Path me = testClasses.resolve("org/kplan/plan/ResourcesTest.class");
      out.putNextEntry(new ZipEntry("org/kplan/plan/ResourcesTest.class"));
      out.write(Files.readAllBytes(me));
      out.closeEntry();
    }
    List<String> cmd = new java.util.ArrayList<>(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar.toString(), ResourcesTest.class.getName()).command());
    cmd.addAll(NAMES);
    Process run = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String got = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, run.waitFor(), got);
    StringBuilder want = new StringBuilder("true\n");
    for (String n : NAMES) {
      byte[] r = n.endsWith("/") ? null : Resources.read(n); // through the class loader here; a directory is no resource there
      want.append(n).append(' ').append(r == null ? "null" : java.util.HexFormat.of().formatHex(r)).append('\n');
    }
    assertEquals(want.toString(), got);
  }

  private static void add(JarOutputStream out, Path root, Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().toList()) {
        String name = root.relativize(f).toString().replace('\\', '/');
        if (Files.isDirectory(f)) {
          out.putNextEntry(new ZipEntry(name + "/"));
          out.closeEntry();
          add(out, root, f);
        } else {
          out.putNextEntry(new ZipEntry(name));
          Files.copy(f, (OutputStream) out);
          out.closeEntry();
        }
      }
    }
  }
}
