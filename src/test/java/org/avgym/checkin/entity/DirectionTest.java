package org.avgym.checkin.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectionTest {

  @Test
  void readsDirectionInAnyCase() {
    assertEquals(Direction.IN, Direction.parse("in"));
    assertEquals(Direction.IN, Direction.parse("IN"));
    assertEquals(Direction.OUT, Direction.parse("out"));
    assertEquals(Direction.OUT, Direction.parse("Out"));
  }

  @Test
  void missingDirectionMeansIn() {
    assertEquals(Direction.IN, Direction.parse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " in", "inside", "exit"})
  void rejectsAnyOtherDirection(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Direction.parse(text));

    assertTrue(error.getMessage().contains("direction"), error.getMessage());
  }

  @Test
  void directionsAndDecisionsAreLowerCaseOnTheWire() {
    assertEquals("in", Direction.IN.wire());
    assertEquals("out", Direction.OUT.wire());
    assertEquals("granted", Decision.GRANTED.wire());
    assertEquals("warned", Decision.WARNED.wire());
    assertEquals("denied", Decision.DENIED.wire());
  }
}
