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
 * after the point. It reads with the streaming parser's {@code next()} only, which ends at EOF;
 * binding can then never meet an unterminated body. Yasson skips an unknown field with Parsson's
 * {@code skipObject}/{@code skipArray}, which loop forever on an unterminated value
 * (eclipse-ee4j/parsson#23), and binds 1e999999999 to an {@code Integer} as 0.
 */
public final class JsonShape {

  /** What the caller is told for a body that is not JSON at all. */
  public static final String NOT_JSON = "not valid JSON";

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
          default -> {
            // names, strings, literals: their size is bounded by the body's
          }
        }
      }
    } catch (JsonException | NumberFormatException e) {
      return Optional.of(NOT_JSON);
    }
    return Optional.empty();
  }

  private static boolean withinDigits(String number, int maxDigits) {
    if (number.length() > 2 * maxDigits + 8) {
      return false; // before BigDecimal: Parsson refuses long ones with an unchecked exception
    }
    BigDecimal value = new BigDecimal(number);
    return value.precision() - value.scale() <= maxDigits && value.scale() <= maxDigits;
  }
}
