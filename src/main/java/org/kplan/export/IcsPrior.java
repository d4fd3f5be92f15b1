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

  /**
   * One earlier event: its SEQUENCE, and either its fingerprint or where its bytes are in the
   * earlier calendar (from its BEGIN:VEVENT line to the line after its END:VEVENT), to fingerprint
   * when first asked. Not thread-safe: a prior calendar serves one writer at a time.
   */
  static final class Entry {
    final int sequence;
    final int from, to;
    /** The UID, and the entry's place among the earlier calendar's events (with {@code from >= 0}). */
    String uid;
    int index;
    private long fingerprint;
    private boolean known;

    Entry(int sequence, long fingerprint) {
      this.sequence = sequence;
      this.fingerprint = fingerprint;
      this.known = true;
      this.from = this.to = -1;
    }

    Entry(int sequence, int from, int to) {
      this.sequence = sequence;
      this.from = from;
      this.to = to;
    }
  }

  private Map<String, Entry> byUid;
  /** The earlier calendar, when its entries point into it. */
  private byte[] data;

  private IcsPrior(Map<String, Entry> byUid) {
    this(byUid, null, -1, null);
  }

  /** Where the first VEVENT of {@link #data} starts (-1 when unknown). */
  private int firstEvent;

  /** The events of {@link #data} in order, when no two have the same UID (else null). */
  private Entry[] ordered;

  /**
   * The earlier calendar's bytes while they are not parsed yet (else null): {@link #of} defers the
   * parse until something asks for the events, so that a writer that finds the new calendar the
   * same as the earlier one, part by part, never parses it (see {@link IcsWriter}).
   */
  private byte[] pending;

  private IcsPrior(Map<String, Entry> byUid, byte[] data, int firstEvent, Entry[] ordered) {
    this.byUid = byUid;
    this.data = data;
    this.firstEvent = firstEvent;
    this.ordered = ordered;
  }

  /** Not parsed yet: see {@link #pending}. */
  private IcsPrior(byte[] pending) {
    this.pending = pending;
  }

  /** Parses the pending bytes, if any: the same result as {@link #of} parsing them at once. */
  private void parsed() {
    byte[] d = pending;
    if (d == null) return;
    pending = null;
    IcsPrior p;
    try {
      p = parse(d);
    } catch (RuntimeException e) {
      p = NONE;
    }
    byUid = p.byUid;
    data = p.data;
    firstEvent = p.firstEvent;
    ordered = p.ordered;
  }

  /** The earlier calendar's bytes when they are not parsed yet (else null). */
  byte[] pending() {
    return pending;
  }

  /** True when no two earlier events have the same UID (parsing the pending bytes). */
  boolean uniqueUids() {
    parsed();
    return ordered != null;
  }

  /**
   * The earlier event at place {@code index} when it starts at {@code from} and UIDs are unique
   * (so that it is the one {@link #entry} finds by its UID); else null.
   */
  Entry at(int index, int from) {
    parsed();
    if (ordered == null || index >= ordered.length) return null;
    Entry e = ordered[index];
    return e.from == from ? e : null;
  }

  /** The SEQUENCE for an event with {@code uid} and content {@code fingerprint}. */
  public int sequence(String uid, long fingerprint) {
    parsed();
    Entry e = byUid.get(uid);
    if (e == null) return 0;
    return sequence(e, fingerprint);
  }

  /** As {@link #sequence(String, long)}, fingerprinting {@code lines} only when the prior calendar has {@code uid}. */
  public int sequence(String uid, List<String> lines) {
    parsed();
    Entry e = byUid.get(uid);
    if (e == null) return 0;
    return sequence(e, fingerprint(lines));
  }

  /** The earlier event with {@code uid}, or null. */
  Entry entry(String uid) {
    parsed();
    return byUid.get(uid);
  }

  /** The SEQUENCE for an event that replaces {@code e} and has content {@code fingerprint}. */
  int sequence(Entry e, long fingerprint) {
    return fingerprint(e) == fingerprint ? e.sequence : e.sequence + 1;
  }

  private long fingerprint(Entry e) {
    if (!e.known) {
      // the event alone, parsed as the whole calendar would be: its hash starts at its BEGIN:VEVENT
      e.fingerprint = hashed(data, e.from, e.to).values().iterator().next().fingerprint;
      e.known = true;
    }
    return e.fingerprint;
  }

  /** The earlier calendar's bytes, when this was parsed from them (else null). */
  byte[] data() {
    parsed();
    return data;
  }

  /** Where the first VEVENT of {@link #data()} starts; -1 when there is none or no data. */
  int firstEvent() {
    parsed();
    return firstEvent;
  }

  /**
   * True when {@code b[from, to)}, a folded VEVENT, holds the same lines as the earlier event
   * {@code e}, DTSTAMP and SEQUENCE lines left out: then their fingerprints agree, without
   * computing either. (False says nothing: the two may still agree once unfolded.)
   */
  boolean sameEvent(Entry e, byte[] b, int from, int to) {
    return e.from >= 0 && IcsFiles.sameLines(data, e.from, e.to, b, from, to, true);
  }

  /** {@link #fingerprint(List)} of the content lines in a scratch buffer: the same value for the same lines. */
  static long fingerprint(IcsOut event) {
    long h = SEED;
    byte[] b = event.buf;
    for (int i = 0, n = event.lines; i < n; i++) {
      int from = event.lineStart(i), to = event.ends[i];
      if (starts(b, from, to, DTSTAMP) || starts(b, from, to, SEQUENCE)) continue;
      h = mix(h, b, from, to);
    }
    return finish(h);
  }

  public int size() {
    parsed();
    return byUid.size();
  }

  /** Reads the calendar at {@code path}; {@link #NONE} when there is none or it cannot be read. */
  public static IcsPrior read(Path path) {
    // fingerprinted at once, keeping no bytes: for a prior calendar held for a long time (the
    // clinic view's, up to MAX_BYTES, for the whole batch)
    byte[] d = readBytes(path);
    if (d == null) return NONE;
    try {
      Map<String, Entry> m = hashed(d, 0, d.length);
      return m.isEmpty() ? NONE : new IcsPrior(m);
    } catch (RuntimeException e) {
      return NONE;
    }
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
    return calendar == null ? NONE : new IcsPrior(calendar);
  }

  /**
   * Parses a calendar's UTF-8 bytes (folded or not) in place, without decoding the whole text or
   * making a string of each line: the same result as {@link #parse(String)} on the decoded text
   * (for valid UTF-8, which is all kplan writes; a fold inside a UTF-8 sequence is joined here).
   * Events are not fingerprinted here but when a writer first asks (most never are: see
   * {@link #sameEvent}); the calendar's bytes are kept for that.
   */
  static IcsPrior parse(byte[] d) {
    return parse(d, false);
  }

  /**
   * Where {@link #parse(byte[])} finds the first VEVENT of {@code d} (the {@link #firstEvent()} of a
   * calendar that has events with a UID); -1 when there is none. Reads only up to it.
   */
  static int firstEvent(byte[] d) {
    IcsPrior p = parse(d, true);
    return p == NONE ? -1 : p.firstEvent;
  }

  private static IcsPrior parse(byte[] d, boolean toFirstEvent) {
    Map<String, Entry> out = new HashMap<>();
    List<Entry> ordered = new ArrayList<>();
    boolean unique = true;
    int n = d.length;
    byte[] buf = null;
    boolean inEvent = false;
    String uid = null;
    int seq = 0, eventStart = 0, firstEvent = -1;
    for (int pos = 0; pos < n; ) {
      int start = pos;
      int nl = start;
      while (nl < n && d[nl] != '\n') nl++;
      int end = nl < n && nl > start && d[nl - 1] == '\r' ? nl - 1 : nl;
      pos = nl < n ? nl + 1 : n;
      byte[] a = d;
      int from = start, to = end;
      if (pos < n && (d[pos] == ' ' || d[pos] == '\t') && !maybe(d, start, end)) {
        // continuation lines of a line that cannot be one of the four below: pass over them
        while (pos < n && (d[pos] == ' ' || d[pos] == '\t')) {
          nl = pos;
          while (nl < n && d[nl] != '\n') nl++;
          pos = nl < n ? nl + 1 : n;
        }
        continue; // nothing else to do for such a line
      }
      if (pos < n && (d[pos] == ' ' || d[pos] == '\t')) {
        // continuation lines follow: join them
        if (buf == null || buf.length < end - start) buf = new byte[Math.max(256, 2 * (end - start))];
        int len = end - start;
        System.arraycopy(d, start, buf, 0, len);
        while (pos < n && (d[pos] == ' ' || d[pos] == '\t')) {
          int s2 = pos;
          nl = s2;
          while (nl < n && d[nl] != '\n') nl++;
          int e2 = nl < n && d[nl - 1] == '\r' ? nl - 1 : nl;
          pos = nl < n ? nl + 1 : n;
          int k = e2 - (s2 + 1);
          if (len + k > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, len + k));
          System.arraycopy(d, s2 + 1, buf, len, k);
          len += k;
        }
        a = buf;
        from = 0;
        to = len;
      }
      // the logical line a[from, to), which was d[start, pos); only four kinds matter, told apart by their first byte
      byte first = from < to ? a[from] : 0;
      if (first == 'B' && is(a, from, to, BEGIN)) {
        inEvent = true;
        uid = null;
        seq = 0;
        eventStart = start;
        if (firstEvent < 0) firstEvent = start;
        if (toFirstEvent) return new IcsPrior(Map.of(), null, firstEvent, null);
      }
      if (!inEvent) continue;
      if (first == 'U' && starts(a, from, to, UID)) uid = new String(a, from + 4, to - from - 4, StandardCharsets.UTF_8);
      else if (first == 'S' && starts(a, from, to, SEQUENCE)) seq = parseInt(a, from + 9, to);
      if (first == 'E' && is(a, from, to, END)) {
        if (uid != null) {
          Entry e = new Entry(seq, eventStart, pos);
          e.uid = uid;
          e.index = ordered.size();
          ordered.add(e);
          if (out.put(uid, e) != null) unique = false;
        }
        inEvent = false;
      }
    }
    return out.isEmpty() ? NONE : new IcsPrior(out, d, firstEvent, unique ? ordered.toArray(new Entry[0]) : null);
  }

  /** Whether the logical line whose first physical line is {@code d[from, to)} may be BEGIN:VEVENT, END:VEVENT, UID or SEQUENCE. */
  private static boolean maybe(byte[] d, int from, int to) {
    if (from == to) return true; // its first byte is on a continuation line
    byte c = d[from];
    return c == 'B' || c == 'E' || c == 'U' || c == 'S';
  }

  private static boolean starts(byte[] a, int from, int to, byte[] p) {
    if (to - from < p.length) return false;
    for (int i = 0; i < p.length; i++) if (a[from + i] != p[i]) return false;
    return true;
  }

  private static boolean is(byte[] a, int from, int to, byte[] p) {
    return to - from == p.length && starts(a, from, to, p);
  }

  /** The events of {@code d[from, to)} with their fingerprints: the parse that {@link #parse(byte[])} defers. */
  static Map<String, Entry> hashed(byte[] d, int from, int n) {
    ByteParser p = new ByteParser();
    for (int pos = from; ; ) {
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
    return p.out;
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

  /** {@link #parseInt(String)} of the UTF-8 text {@code a[from, to)}; digits alone are read in place. */
  private static int parseInt(byte[] a, int from, int to) {
    if (to - from >= 1 && to - from <= 9) {
      int v = 0;
      for (int i = from; i < to; i++) {
        int c = a[i] - '0';
        if (c < 0 || c > 9) return parseInt(new String(a, from, to - from, StandardCharsets.UTF_8));
        v = v * 10 + c;
      }
      return v;
    }
    return parseInt(new String(a, from, to - from, StandardCharsets.UTF_8));
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
