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

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");
  private static final Pattern BP = Pattern.compile(".*\\bbp\\b.*");

  /** Lowercase ASCII letters and digits joined by '-'. */
  public static String of(String s) {
    String slug = ascii(s);
    if (slug == null) {
      String n = MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD)).replaceAll("");
      slug = EDGE_DASHES.matcher(NOT_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
      if (slug.length() > 40) slug = TRAILING_DASHES.matcher(slug.substring(0, 40)).replaceAll("");
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

  /** The kind of a session task, guessed from its name when the plan does not say. */
  public static String inferTaskKind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("c-ssrs") || n.contains("cssrs") || n.contains("suicid")) return "suicide-screening";
    if (n.contains("escort") || n.contains("driv") || n.contains("transport") || n.contains("ride home")) return "escort";
    if (n.contains("vital") || n.contains("blood pressure") || BP.matcher(n).matches()) return "vitals";
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
      if (k != null) kindCount.merge(k, 1, Integer::sum);
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
