package org.kplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kplan.plan.YNode.YMap;
import org.kplan.plan.YNode.YScalar;

/** Stable ids derived from names, so the same plan always gives the same event ids. */
public final class Slug {
  private Slug() {}

  /** For text that is not all ASCII, compiled on first use: compiling costs start-up time on every run. */
  private static final class Rx {
    static final Pattern MARKS = Pattern.compile("\\p{M}");
    static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    static final Pattern TRAILING_DASHES = Pattern.compile("-+$");
    static final Pattern BP = Pattern.compile(".*\\bbp\\b.*");
  }

  /** Lowercase ASCII letters and digits joined by '-'. */
  public static String of(String s) {
    String slug = ascii(s);
    if (slug == null) {
      String n = Rx.MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD)).replaceAll("");
      slug = Rx.EDGE_DASHES.matcher(Rx.NOT_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
      if (slug.length() > 40) slug = Rx.TRAILING_DASHES.matcher(slug.substring(0, 40)).replaceAll("");
    }
    return slug.isEmpty() ? "item" : slug;
  }

  /**
   * {@link #of} for text that is all ASCII (which NFKD leaves as it is, with no marks to remove),
   * in one pass: runs of other characters become one '-', none at either end, at most 40
   * characters without a '-' at the end. Null for other text.
   */
  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 48));
    boolean dash = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) return null;
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && b.length() > 0) b.append('-');
        dash = false;
        b.append(c);
      } else {
        dash = true;
      }
    }
    int n = Math.min(b.length(), 40);
    while (n > 0 && b.charAt(n - 1) == '-') n--;
    return b.substring(0, n);
  }

  /** A task id from its name, up to the first ':', ';', '(' or ',': "Vitals: BP, HR" gives "vitals". */
  public static String taskId(String name) {
    int cut = name.length();
    for (char c : new char[] {':', ';', '(', ','}) {
      int i = name.indexOf(c);
      if (i > 0 && i < cut) cut = i;
    }
    return of(name.substring(0, cut));
  }

  /**
   * Whether {@code n} matches {@code .*\\bbp\\b.*}: "bp" as a word. By hand for ASCII text on one
   * line, where a word character is a letter, a digit or '_' as for {@code \\b}; otherwise with the
   * expression ({@code .} does not match line breaks, and {@code \\b} has rules for marks).
   */
  static boolean hasWordBp(String n) {
    int len = n.length();
    for (int i = 0; i < len; i++) {
      char c = n.charAt(i);
      if (c >= 0x80 || c == '\n' || c == '\r') return Rx.BP.matcher(n).matches();
    }
    for (int k = n.indexOf("bp"); k >= 0; k = n.indexOf("bp", k + 1)) {
      if ((k == 0 || !asciiWord(n.charAt(k - 1))) && (k + 2 == len || !asciiWord(n.charAt(k + 2)))) return true;
    }
    return false;
  }

  private static boolean asciiWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** The kind of a session task, guessed from its name when the plan does not say. */
  public static String inferTaskKind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("c-ssrs") || n.contains("cssrs") || n.contains("suicid")) return "suicide-screening";
    if (n.contains("escort") || n.contains("driv") || n.contains("transport") || n.contains("ride home")) return "escort";
    if (n.contains("vital") || n.contains("blood pressure") || hasWordBp(n)) return "vitals";
    if (n.contains("spo2") || n.contains("sedation") || n.contains("moaa") || n.contains("observ") || n.contains("cadss")) return "observation";
    if (n.contains("phq") || n.contains("assess") || n.contains("madrs") || n.contains("scale")) return "assessment";
    if (n.contains("prep")) return "preparation";
    return "other";
  }

  /**
   * Ids for list items: the explicit id when given, else the item's {@code kindKey} value when no
   * other item shares it, else a slug of its name; repeated ids get -2, -3.
   */
  static List<String> uniqueIds(List<String> explicit, List<YMap> maps, String kindKey) {
    Map<String, Integer> kindCount = new HashMap<>();
    for (YMap m : maps) {
      String k = text(m, kindKey);
      if (k == null) continue;
      Integer n = kindCount.get(k);
      kindCount.put(k, n == null ? 1 : n + 1);
    }
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < maps.size(); i++) {
      YMap m = maps.get(i);
      String base = explicit.get(i);
      if (base == null && m != null) {
        String k = text(m, kindKey);
        String name = text(m, "name");
        if (k != null && kindCount.get(k) == 1 && !k.equals("other")) base = of(k);
        else base = of(name == null ? "item-" + (i + 1) : name);
      }
      if (base == null) base = "item-" + (i + 1);
      String id = base;
      for (int n = 2; !used.add(id); n++) id = base + "-" + n;
      out.add(id);
    }
    return out;
  }

  private static String text(YMap m, String key) {
    if (m == null) return null;
    return m.get(key) instanceof YScalar s && !s.isNull() && !s.text().isBlank() ? s.text().trim() : null;
  }
}
