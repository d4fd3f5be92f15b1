package org.kplan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * ical4j as a test oracle (test scope only): parses and validates what kplan writes, and checks
 * the physical form of the text (CRLF, 75-octet lines, UTF-8 sequences never split).
 */
public final class IcsOracle {
  private IcsOracle() {}

  // ical4j's default CalendarBuilder makes every property factory anew for every property: five
  // times slower than handing it the same lists (they are stateless)
  private static final List<PropertyFactory<?>> PROPERTIES = new DefaultPropertyFactorySupplier().get();
  private static final List<ParameterFactory<?>> PARAMETERS = new DefaultParameterFactorySupplier().get();
  private static final List<ComponentFactory<?>> COMPONENTS = new DefaultComponentFactorySupplier().get();
  private static final Map<String, Calendar> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, Calendar> UNVALIDATED = new ConcurrentHashMap<>();

  private static CalendarBuilder builder() {
    return new CalendarBuilder(CalendarParserFactory.getInstance().get(), () -> PARAMETERS, () -> PROPERTIES, () -> COMPONENTS,
        TimeZoneRegistryFactory.getInstance().createRegistry());
  }

  /**
   * Parses {@code text} with ical4j, validates it (RFC 5545 and the METHOD's iTIP rules) and checks
   * its lines. The same text is parsed once (tests only read the result).
   */
  public static Calendar parse(String text) {
    return CACHE.computeIfAbsent(text, t -> parseNow(t, true));
  }

  /** Parses without validating (for text that differs only in names from text validated elsewhere). */
  public static Calendar parseOnly(String text) {
    return UNVALIDATED.computeIfAbsent(text, t -> parseNow(t, false));
  }

  private static Calendar parseNow(String text, boolean validate) {
    checkLines(text);
    try {
      Calendar cal = builder().build(new StringReader(text));
      if (validate) {
        ValidationResult r = cal.validate(true);
        if (r.hasErrors()) fail("ical4j validation: " + r);
      }
      return cal;
    } catch (Exception e) {
      throw new AssertionError("ical4j cannot parse the calendar: " + e, e);
    }
  }

  /**
   * Parses {@code text} after renaming every TZID to one ical4j cannot know, so that every time
   * it computes comes from the calendar's own VTIMEZONE.
   */
  public static Calendar parseOwnZones(String text, String... zones) {
    String t = text;
    int i = 0;
    for (String z : zones) {
      String fake = "Test-Zone-" + (i++);
      t = t.replace("TZID:" + z + "\r\n", "TZID:" + fake + "\r\n").replace("TZID=" + z + ":", "TZID=" + fake + ":");
    }
    assertFalse(zones.length > 0 && t.equals(text), "no TZID renamed");
    return parseOnly(t);
  }

  /** Every physical line ends with CRLF, is at most 75 octets, and no fold splits a UTF-8 sequence. */
  public static void checkLines(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertTrue(b.length > 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n', "ends with CRLF");
    int start = 0;
    int lineNo = 1;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        assertTrue(i > 0 && b[i - 1] == '\r', "line " + lineNo + ": LF without CR");
        int len = i - 1 - start;
        assertTrue(len <= 75, "line " + lineNo + " is " + len + " octets");
        if (start < b.length && (b[start] & 0xC0) == 0x80) fail("line " + lineNo + " starts inside a UTF-8 sequence");
        if (start < b.length && b[start] == ' ' && start + 1 < i && (b[start + 1] & 0xC0) == 0x80) {
          fail("line " + lineNo + " continues inside a UTF-8 sequence");
        }
        start = i + 1;
        lineNo++;
      } else if (b[i] == '\r') {
        assertTrue(i + 1 < b.length && b[i + 1] == '\n', "line " + lineNo + ": CR without LF");
      }
    }
    assertEquals(b.length, start, "text ends with a complete line");
  }

  public static List<VEvent> events(Calendar cal) {
    List<VEvent> out = new ArrayList<>();
    for (Object c : cal.getComponents("VEVENT")) out.add((VEvent) c);
    return out;
  }

  public static String value(VEvent e, String property) {
    Optional<Property> p = e.getProperty(property);
    return p.map(Property::getValue).orElse(null);
  }

  /** The UTC instant ical4j computes for the event's DTSTART (or DTEND). */
  public static Instant instant(VEvent e, String property) {
    Optional<Property> p = e.getProperty(property);
    if (p.isEmpty()) return null;
    Temporal t = ((net.fortuna.ical4j.model.property.DateProperty<?>) p.get()).getDate();
    if (t instanceof ZonedDateTime z) return z.toInstant();
    if (t instanceof Instant x) return x;
    if (t instanceof java.time.OffsetDateTime o) return o.toInstant();
    throw new AssertionError(property + " is not a date-time: " + t + " (" + t.getClass() + ")");
  }
}
