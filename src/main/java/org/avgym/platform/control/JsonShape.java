package org.avgym.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Checks the shape of a JSON request body before anything binds it: well-formed to its end, nested
 * at most {@code maxDepth} levels, no number with more than {@code maxDigits} digits before or
 * after the point, no string or name with U+0000 or an unpaired surrogate. It reads with the
 * streaming parser's {@code next()} only, which ends at EOF; binding can then never meet an
 * unterminated body. Yasson skips an unknown field with Parsson's {@code skipObject}/{@code
 * skipArray}, which loop forever on an unterminated value (eclipse-ee4j/parsson#23), and binds
 * 1e999999999 to an {@code Integer} as 0.
 */
public final class JsonShape {

  /** What the caller is told for a body that is not JSON at all. */
  public static final String NOT_JSON = "not valid JSON";

  /** What the caller is told for a string no text column can hold as sent. */
  public static final String UNSTORABLE_TEXT = "text with a NUL character or an unpaired surrogate";

  private JsonShape() {}

  /** Why {@code json} is refused, or empty when its shape is acceptable. */
  public static Optional<String> refusal(String json, int maxDepth, int maxDigits) {
    int depth = 0;
    try (JsonParser parser = Json.createParser(new StringReader(json))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > maxDepth) {
              return Optional.of("nested deeper than " + maxDepth + " levels");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_NUMBER -> {
            if (!withinDigits(parser.getString(), maxDigits)) {
              return Optional.of("a number with more than " + maxDigits + " digits");
            }
          }
          case KEY_NAME, VALUE_STRING -> {
            if (!storable(parser.getString())) {
              return Optional.of(UNSTORABLE_TEXT);
            }
          }
          default -> {
            // literals; the size of names and strings is bounded by the body's
          }
        }
      }
    } catch (JsonException | NumberFormatException e) {
      return Optional.of(NOT_JSON);
    }
    return Optional.empty();
  }

  /**
   * Whether {@code text} can be stored as it was sent: PostgreSQL's text refuses U+0000 (the
   * request would fail with a 500 after the resource had begun), and an unpaired surrogate has no
   * UTF-8 form (it would be stored silently as '?').
   */
  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean withinDigits(String number, int maxDigits) {
    if (number.length() > 2 * maxDigits + 8) {
      return false; // before BigDecimal: Parsson refuses long ones with an unchecked exception
    }
    BigDecimal value = new BigDecimal(number);
    return value.precision() - value.scale() <= maxDigits && value.scale() <= maxDigits;
  }
}
