package org.kplan.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of a calendar kplan wrote before, by UID: each one's SEQUENCE and a fingerprint of its
 * content. A calendar written over an earlier one keeps an event's SEQUENCE when the event did not
 * change and raises it by one when it did, so calendar programs that import the file again update
 * the event instead of ignoring the new version. A new event starts at SEQUENCE 0.
 *
 * <p>The fingerprint covers every content line of the VEVENT (alarms included) except DTSTAMP and
 * SEQUENCE.
 */
public final class IcsPrior {
  /** No earlier calendar: every event gets SEQUENCE 0. */
  public static final IcsPrior NONE = new IcsPrior(Map.of());
  /** Earlier calendars larger than this are not read (their events start again at 0). */
  public static final long MAX_BYTES = 64L << 20;

  record Entry(int sequence, long fingerprint) {}

  private final Map<String, Entry> byUid;

  private IcsPrior(Map<String, Entry> byUid) {
    this.byUid = byUid;
  }

  /** The SEQUENCE for an event with {@code uid} and content {@code fingerprint}. */
  public int sequence(String uid, long fingerprint) {
    Entry e = byUid.get(uid);
    if (e == null) return 0;
    return e.fingerprint == fingerprint ? e.sequence : e.sequence + 1;
  }

  /** As {@link #sequence(String, long)}, fingerprinting {@code lines} only when the prior calendar has {@code uid}. */
  public int sequence(String uid, List<String> lines) {
    Entry e = byUid.get(uid);
    if (e == null) return 0;
    return e.fingerprint == fingerprint(lines) ? e.sequence : e.sequence + 1;
  }

  /**
   * As {@link #sequence(String, List)} for an event written as content lines into a scratch
   * buffer: fingerprinted (from those bytes) only when the prior calendar has {@code uid}.
   */
  int sequence(String uid, IcsOut event) {
    Entry e = byUid.get(uid);
    if (e == null) return 0;
    return e.fingerprint == fingerprint(event) ? e.sequence : e.sequence + 1;
  }

  /** {@link #fingerprint(List)} of the content lines in a scratch buffer: the same value for the same lines. */
  static long fingerprint(IcsOut event) {
    long h = SEED;
    byte[] b = event.buf;
    for (int i = 0, n = event.lines; i < n; i++) {
      int from = event.lineStart(i), to = event.ends[i];
      if (startsWith(b, from, to, DTSTAMP) || startsWith(b, from, to, SEQUENCE)) continue;
      h = mix(h, b, from, to);
    }
    return finish(h);
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] p) {
    if (to - from < p.length) return false;
    for (int i = 0; i < p.length; i++) if (b[from + i] != p[i]) return false;
    return true;
  }

  public int size() {
    return byUid.size();
  }

  /** Reads the calendar at {@code path}; {@link #NONE} when there is none or it cannot be read. */
  public static IcsPrior read(Path path) {
    return of(readBytes(path));
  }

  /**
   * The bytes of the calendar at {@code path}: null when there is none, it is not a regular file,
   * it is larger than {@link #MAX_BYTES}, or it cannot be read. Read once, they serve both for
   * SEQUENCE ({@link #of}) and to tell an unchanged calendar ({@link IcsFiles#write(Path, byte[], byte[], boolean)}).
   */
  public static byte[] readBytes(Path path) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) return null;
      return Files.readAllBytes(path);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The prior calendar of {@link #readBytes}; {@link #NONE} for null or what cannot be parsed. */
  public static IcsPrior of(byte[] calendar) {
    if (calendar == null) return NONE;
    try {
      return parse(calendar);
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  /**
   * Parses a calendar's UTF-8 bytes (folded or not) in place, without decoding the whole text or
   * making a string of each line: the same result as {@link #parse(String)} on the decoded text
   * (for valid UTF-8, which is all kplan writes; a fold inside a UTF-8 sequence is joined here).
   */
  static IcsPrior parse(byte[] d) {
    ByteParser p = new ByteParser();
    int n = d.length;
    for (int pos = 0; ; ) {
      int nl = pos;
      while (nl < n && d[nl] != '\n') nl++;
      int end = nl < n && nl > pos && d[nl - 1] == '\r' ? nl - 1 : nl;
      if (end > pos && (d[pos] == ' ' || d[pos] == '\t') && p.len >= 0) {
        p.append(d, pos + 1, end);
      } else {
        if (p.len >= 0) p.line();
        p.len = 0;
        p.append(d, pos, end);
      }
      if (nl >= n) break;
      pos = nl + 1;
    }
    if (p.len > 0) p.line();
    return p.out.isEmpty() ? NONE : new IcsPrior(p.out);
  }

  private static final byte[] BEGIN = "BEGIN:VEVENT".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "END:VEVENT".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UID = "UID:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQUENCE = "SEQUENCE:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DTSTAMP = "DTSTAMP:".getBytes(StandardCharsets.US_ASCII);

  /** The state of {@link #parse(byte[])}: the logical line so far, and the event it is in. */
  private static final class ByteParser {
    final Map<String, Entry> out = new HashMap<>();
    byte[] buf = new byte[256];
    int len = -1; // -1: no line yet
    boolean inEvent;
    long hash;
    String uid;
    int seq;

    void append(byte[] d, int from, int to) {
      int k = to - from;
      if (len + k > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, len + k));
      System.arraycopy(d, from, buf, len, k);
      len += k;
    }

    void line() {
      if (is(BEGIN)) {
        inEvent = true;
        hash = SEED;
        uid = null;
        seq = 0;
      }
      if (!inEvent) return;
      boolean sequence = starts(SEQUENCE);
      if (starts(UID)) uid = new String(buf, 4, len - 4, StandardCharsets.UTF_8);
      else if (sequence) seq = parseInt(new String(buf, 9, len - 9, StandardCharsets.UTF_8));
      if (!sequence && !starts(DTSTAMP)) hash = mix(hash, buf, 0, len);
      if (is(END)) {
        if (uid != null) out.put(uid, new Entry(seq, finish(hash)));
        inEvent = false;
      }
    }

    private boolean starts(byte[] p) {
      if (len < p.length) return false;
      for (int i = 0; i < p.length; i++) if (buf[i] != p[i]) return false;
      return true;
    }

    private boolean is(byte[] p) {
      return len == p.length && starts(p);
    }
  }

  /** Parses calendar text (folded or not). */
  public static IcsPrior parse(String text) {
    Map<String, Entry> out = new HashMap<>();
    List<String> event = null;
    for (String line : unfold(text)) {
      if (line.equals("BEGIN:VEVENT")) {
        event = new ArrayList<>();
      }
      if (event == null) continue;
      event.add(line);
      if (line.equals("END:VEVENT")) {
        String uid = null;
        int seq = 0;
        for (String l : event) {
          if (l.startsWith("UID:")) uid = l.substring(4);
          else if (l.startsWith("SEQUENCE:")) seq = parseInt(l.substring(9));
        }
        if (uid != null) out.put(uid, new Entry(seq, fingerprint(event)));
        event = null;
      }
    }
    return out.isEmpty() ? NONE : new IcsPrior(out);
  }

  private static int parseInt(String s) {
    try {
      return Math.max(0, Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Content lines of folded text: a CRLF (or LF) followed by a space or tab continues the line. */
  static List<String> unfold(String text) {
    List<String> lines = new ArrayList<>();
    String cur = null; // the line so far, when it has no continuation yet
    StringBuilder more = null; // the line so far, once a continuation was appended
    int len = text.length();
    for (int start = 0; start <= len; ) {
      int nl = text.indexOf('\n', start);
      int next = nl < 0 ? len + 1 : nl + 1;
      int end = nl < 0 ? len : nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      if (end > start && (text.charAt(start) == ' ' || text.charAt(start) == '\t') && (cur != null || more != null)) {
        if (more == null) more = new StringBuilder(cur.length() + end - start).append(cur);
        more.append(text, start + 1, end);
      } else {
        if (more != null) lines.add(more.toString());
        else if (cur != null) lines.add(cur);
        more = null;
        cur = text.substring(start, end);
      }
      start = next;
    }
    String last = more != null ? more.toString() : cur;
    if (last != null && !last.isEmpty()) lines.add(last);
    return lines;
  }

  /**
   * A 64-bit fingerprint of the content lines other than DTSTAMP and SEQUENCE: FNV-1a over the
   * UTF-8 bytes of each line and a newline after it, then a final avalanche (the finaliser of
   * MurmurHash3). It only tells whether an event changed, so it needs no cryptographic strength;
   * SHA-256 cost about a tenth of a calendar batch. Hashing bytes, not chars: a loop over an array
   * is several times faster than {@code charAt} under the C1 compiler kplan runs with.
   */
  static long fingerprint(List<String> lines) {
    long h = SEED;
    for (int k = 0, n = lines.size(); k < n; k++) {
      String l = lines.get(k);
      if (l.startsWith("DTSTAMP:") || l.startsWith("SEQUENCE:")) continue;
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      h = mix(h, b, 0, b.length);
    }
    return finish(h);
  }

  private static final long SEED = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  /** FNV-1a of one line's bytes and the newline after it. */
  private static long mix(long h, byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      h ^= b[i] & 0xFF;
      h *= PRIME;
    }
    h ^= '\n';
    return h * PRIME;
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
