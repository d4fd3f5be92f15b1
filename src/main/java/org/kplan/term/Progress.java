package org.kplan.term;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for batch work, redrawn in place on standard error:
 * {@code [#########-----------]  120/200 plans  35.2 plans/s  0:02 left}. Redrawn at most ten
 * times a second; {@link #finish} clears it. A disabled bar prints nothing.
 */
public final class Progress {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long started;
  private final long total;
  private long lastDraw;
  private boolean drawn;

  public Progress(PrintWriter err, boolean enabled, long total) {
    this(err, enabled, total, System::nanoTime);
  }

  Progress(PrintWriter err, boolean enabled, long total, LongSupplier nanos) {
    this.err = err;
    this.enabled = enabled;
    this.total = total;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
  }

  public boolean enabled() {
    return enabled;
  }

  /** {@code done} items finished so far (a total of 0 means unknown). */
  public void update(long done) {
    if (!enabled) return;
    long t = nanos.getAsLong();
    if (drawn && t - lastDraw < REDRAW_NANOS && done < total) return;
    lastDraw = t;
    err.print("\r" + line(done, t - started) + "\033[K");
    err.flush();
    drawn = true;
  }

  /** Takes the bar off the line before a message is printed; the next {@link #update} redraws it. */
  public void clear() {
    if (enabled && drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  /** Removes the bar, so that the summary starts on a clean line. */
  public void finish() {
    if (enabled && drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  /** The text of the bar after {@code elapsedNanos}. */
  String line(long done, long elapsedNanos) {
    double secs = elapsedNanos / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    StringBuilder b = new StringBuilder();
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("]  ");
      b.append(done).append('/').append(total).append(" plans");
    } else {
      b.append(done).append(" plans");
    }
    if (done > 0 && secs > 0) b.append(String.format(Locale.ROOT, "  %.1f plans/s", rate));
    if (total > 0 && done > 0 && rate > 0 && done < total) b.append("  ").append(clock((long) Math.ceil((total - done) / rate))).append(" left");
    return b.toString();
  }

  static String clock(long seconds) {
    long h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
