package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

  private static Optional<String> refusal(String json) {
    return JsonShape.refusal(json, 4, 10);
  }

  @Test
  void acceptsOrdinaryBodiesUpToTheLimits() {
    assertEquals(Optional.empty(), refusal("{\"a\":[1,{\"b\":[2.5]}],\"c\":\"x\"}"));
    assertEquals(Optional.empty(), refusal("{\"n\":1234567890,\"f\":0.0123456789,\"e\":1e9}"));
    assertEquals(Optional.empty(), refusal("[]"));
  }

  @Test
  void refusesUnterminatedBodiesAtTheirEnd() {
    assertEquals(Optional.of(JsonShape.NOT_JSON), refusal("{\"a\":{\"b\":1"));
    assertEquals(Optional.of(JsonShape.NOT_JSON), refusal("{\"a\":["));
    assertEquals(Optional.of(JsonShape.NOT_JSON), refusal("{}}"));
    assertEquals(Optional.of(JsonShape.NOT_JSON), refusal("{'a':1}"));
  }

  @Test
  void refusesNestingPastTheDepth() {
    assertEquals(Optional.empty(), refusal("[[[[1]]]]"));
    assertEquals(Optional.of("nested deeper than 4 levels"), refusal("[[[[[1]]]]]"));
    assertEquals(Optional.of("nested deeper than 4 levels"), refusal("{\"a\":".repeat(50_000)));
  }

  @Test
  void refusesNumbersWithTooManyDigitsOnEitherSide() {
    String refused = "a number with more than 10 digits";
    assertEquals(Optional.of(refused), refusal("{\"n\":1e999999999}"));
    assertEquals(Optional.of(refused), refusal("{\"n\":-1e-400}"));
    assertEquals(Optional.of(refused), refusal("{\"n\":12345678901}"));
    assertEquals(Optional.of(refused), refusal("{\"n\":" + "9".repeat(5000) + "}"));
  }

  @Test
  void refusesTextNoColumnCanHold() {
    assertEquals(Optional.of(JsonShape.UNSTORABLE_TEXT), refusal("{\"name\":\"\\ud800\\u0000\"}"));
    assertEquals(Optional.of(JsonShape.UNSTORABLE_TEXT), refusal("{\"name\":\"a\\u0000\"}"));
    assertEquals(Optional.of(JsonShape.UNSTORABLE_TEXT), refusal("{\"name\":\"\\ud800x\"}"));
    assertEquals(Optional.of(JsonShape.UNSTORABLE_TEXT), refusal("{\"name\":\"\\udc00\"}"));
    assertEquals(Optional.of(JsonShape.UNSTORABLE_TEXT), refusal("{\"\\u0000\":1}"));
  }

  @Test
  void acceptsEveryOtherCharacterAndPairedSurrogates() {
    assertEquals(Optional.empty(), refusal("{\"name\":\"\\ud83d\\ude00 \u202Eevil \\u0001\"}"));
    assertEquals(Optional.empty(), refusal("{\"name\":\"\uD83D\uDE00 Zoë 日本\"}"));
  }
}
