package org.kplan.plan;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in templates, shipped inside the jar under {@code /templates/NAME.yaml}. */
public final class Templates {
  private Templates() {}

  private static volatile List<String> names;

  /** The text of built-in template {@code name}, if there is one. */
  public static Optional<String> text(String name) {
    if (!isName(name)) return Optional.empty();
    Optional<String> t = TEXTS.get(name);
    if (t == null) {
      t = read(name);
      if (t.isPresent()) TEXTS.putIfAbsent(name, t);
    }
    return t;
  }

  /** {@code name} matches {@code [a-z0-9][a-z0-9-]*}. */
  private static boolean isName(String name) {
    if (name.isEmpty() || name.charAt(0) == '-') return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
  }

  /** Template texts read so far (the jar does not change while kplan runs). */
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Optional<String> read(String name) {
    try {
      byte[] b = Resources.read("templates/" + name + ".yaml");
      return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Names of all built-in templates, sorted. */
  public static List<String> names() {
    List<String> n = names;
    if (n == null) names = n = scan();
    return n;
  }

  private static List<String> scan() {
    URL url = Templates.class.getResource("/templates/");
    if (url == null) return List.of();
    List<String> out = new ArrayList<>();
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        boolean close = false;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
          close = true;
        }
        try {
          list(fs.getPath("/templates"), out);
        } finally {
          if (close) fs.close();
        }
      } else {
        list(Path.of(uri), out);
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return List.of();
    }
    out.sort(null);
    return List.copyOf(out);
  }

  private static void list(Path dir, List<String> out) throws IOException {
    // a loop, not a stream: this runs in kplan validate (to suggest a template name)
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String f = p.getFileName().toString();
        if (f.endsWith(".yaml")) out.add(f.substring(0, f.length() - 5));
      }
    }
  }
}
