package org.kplan.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.kplan.plan.Finding;
import org.kplan.plan.Severity;

/**
 * {@code kplan validate -f junit}: JUnit XML as CI servers read it. One test suite, one test
 * case per file; a file that fails (errors, or warnings with --strict) has a {@code failure}
 * listing its findings, an unreadable file an {@code error}; findings below the failing level
 * are listed in {@code system-out}.
 */
public final class JunitXml {
  private JunitXml() {}

  public static void write(List<FileReport> files, Severity failAt, Appendable out) {
    long failures = files.stream().filter(f -> !f.unreadable() && f.fails(failAt)).count();
    long errors = files.stream().filter(FileReport::unreadable).count();
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    String counts = " tests=\"" + files.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
    b.append("<testsuites name=\"kplan validate\"").append(counts).append(">\n");
    b.append("  <testsuite name=\"kplan validate\"").append(counts).append(" skipped=\"0\">\n");
    for (FileReport f : files) {
      b.append("    <testcase classname=\"kplan.validate\" name=\"").append(attr(f.file())).append("\"");
      if (f.findings().isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      String summary = FileReport.counts(f.count(Severity.ERROR), f.count(Severity.WARNING), f.count(Severity.INFO));
      if (f.unreadable()) {
        b.append("      <error type=\"unreadable\" message=\"").append(attr(f.findings().get(0).message())).append("\">")
            .append(text(lines(f.findings()))).append("</error>\n");
      } else if (f.fails(failAt)) {
        b.append("      <failure type=\"kplan\" message=\"").append(attr(summary)).append("\">")
            .append(text(lines(f.findings()))).append("</failure>\n");
      } else {
        b.append("      <system-out>").append(text(lines(f.findings()))).append("</system-out>\n");
      }
      b.append("    </testcase>\n");
    }
    b.append("  </testsuite>\n</testsuites>\n");
    try {
      out.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lines(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding x : findings) {
      b.append(x.pos()).append(": ").append(x.severity().label()).append(": ").append(x.message()).append(" [").append(x.rule()).append("]\n");
    }
    return b.toString();
  }

  /** Escapes text content; drops characters XML 1.0 cannot hold. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) b.append(c);
          else b.append('?');
        }
      }
    }
    return b.toString();
  }

  /** Escapes an attribute value (double-quoted); line breaks become character references. */
  static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("'", "&apos;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
  }
}
