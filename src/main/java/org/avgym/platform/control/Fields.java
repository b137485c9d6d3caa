package org.avgym.platform.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads API fields that Bean Validation cannot check alone (time zones, instants, text forms,
 * enumerations, paging), so that each bad value is refused as a {@link Refusal} naming its field
 * and saying what was wrong, never a 500 or a generic "bad JSON".
 */
public final class Fields {

  /** The largest page a list answers; the API promises it. */
  public static final int MAX_PAGE_SIZE = 100;

  public static final int DEFAULT_PAGE_SIZE = 50;

  private Fields() {}

  /** A page of a list: which one ({@code page}, from 0) and how many items per page. */
  public record Paging(int page, int size) {
    public int first() {
      return page * size;
    }
  }

  public static ZoneId zone(String field, String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid(field, field + " is required");
    }
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw Refusal.invalid(
          field, "\"" + text + "\" is not a time zone (use a region such as Europe/Ljubljana)");
    }
  }

  /**
   * A value in a text form its own type reads (weekly hours, for one), with {@code reader} throwing
   * {@link IllegalArgumentException} saying what is wrong; null or blank text means {@code
   * fallback}, which is read too.
   */
  public static <T> T parsed(
      String field, String text, String fallback, Function<String, T> reader) {
    String value = text == null || text.isBlank() ? fallback : text;
    try {
      return reader.apply(value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(field, e.getMessage());
    }
  }

  /**
   * An ISO-8601 instant such as 2026-11-28T12:00:00Z; null or blank text means {@code fallback}.
   */
  public static Instant instant(String field, String text, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(
          field, "\"" + text + "\" is not an ISO-8601 instant like 2026-11-28T12:00:00Z");
    }
  }

  /**
   * One of the constants of {@code type}, written in any case; null text means {@code fallback}.
   */
  public static <E extends Enum<E>> E choice(String field, String text, Class<E> type, E fallback) {
    if (text == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.trim())) {
        return constant;
      }
    }
    throw Refusal.invalid(
        field, field + " must be one of " + wire(type) + ", not \"" + text + "\"");
  }

  /** A whole number; null or blank text means {@code null}. */
  public static Long number(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw Refusal.invalid(field, field + " must be a whole number, not \"" + text + "\"");
    }
  }

  /** Paging from query parameters: page from 0, size 1 to {@link #MAX_PAGE_SIZE}. */
  public static Paging paging(String page, String size) {
    Long pageNumber = number("page", page);
    Long pageSize = number("size", size);
    if (pageNumber != null && (pageNumber < 0 || pageNumber > Integer.MAX_VALUE / MAX_PAGE_SIZE)) {
      throw Refusal.invalid("page", "page must be 0 or more");
    }
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw Refusal.invalid("size", "size must be between 1 and " + MAX_PAGE_SIZE);
    }
    return new Paging(
        pageNumber == null ? 0 : pageNumber.intValue(),
        pageSize == null ? DEFAULT_PAGE_SIZE : pageSize.intValue());
  }

  /** How the API spells the constants of an enumeration: lower case. */
  public static String wire(Enum<?> constant) {
    return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
  }

  private static String wire(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Fields::wire)
        .collect(Collectors.joining(", "));
  }
}
