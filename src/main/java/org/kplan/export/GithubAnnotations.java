package org.kplan.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.kplan.plan.Finding;

/**
 * {@code kplan validate -f github}: GitHub Actions workflow commands, one per finding:
 * {@code ::error file=plans/a.yaml,line=12,col=5,title=KET020::message}. Infos become
 * {@code ::notice}. Values are escaped as the Actions runner expects: {@code %}, CR and LF in the
 * message; also {@code :} and {@code ,} in properties.
 */
public final class GithubAnnotations {
  private GithubAnnotations() {}

  public static void write(List<FileReport> files, Appendable out) {
    StringBuilder b = new StringBuilder();
    for (FileReport f : files) {
      for (Finding x : f.findings()) {
        String cmd = switch (x.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "notice";
        };
        b.append("::").append(cmd).append(" file=").append(property(x.pos().file()));
        if (x.pos().line() > 0) {
          b.append(",line=").append(x.pos().line()).append(",col=").append(Math.max(1, x.pos().column()));
        }
        b.append(",title=").append(property(x.rule())).append("::").append(data(x.message())).append('\n');
      }
    }
    try {
      out.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
