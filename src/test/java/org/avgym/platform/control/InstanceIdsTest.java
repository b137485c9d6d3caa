package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceIdsTest {

  @Test
  void aConfiguredIdWinsTrimmed() {
    assertEquals(
        "gym-a",
        InstanceIds.resolve(Optional.of(" gym-a "), Optional.of("8080"), Optional.of("i1"), "h"));
  }

  @Test
  void withoutOneTheHostAndTheRunCommandsPortNameIt() {
    assertEquals(
        "web1:8181",
        InstanceIds.resolve(Optional.of("  "), Optional.of("8181"), Optional.of("server"), "web1"));
  }

  @Test
  void withoutAPortTheHostAndPayarasInstanceNameNameIt() {
    assertEquals(
        "web1:instance2",
        InstanceIds.resolve(Optional.empty(), Optional.empty(), Optional.of("instance2"), "web1"));
    assertEquals(
        "web1", InstanceIds.resolve(Optional.empty(), Optional.empty(), Optional.empty(), "web1"));
    assertEquals(
        "localhost",
        InstanceIds.resolve(Optional.empty(), Optional.empty(), Optional.empty(), null));
  }

  @Test
  void aTooLongConfiguredIdIsRefusedNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                InstanceIds.resolve(
                    Optional.of("x".repeat(65)), Optional.empty(), Optional.empty(), "h"));
    assertTrue(e.getMessage().contains("avgym.instance.id"), e.getMessage());
  }

  @Test
  void aDerivedIdKeepsItsDistinctiveEndWhenTheHostNameIsVeryLong() {
    String id =
        InstanceIds.resolve(
            Optional.empty(), Optional.of("8080"), Optional.empty(), "h".repeat(80));
    assertEquals(64, id.length());
    assertTrue(id.endsWith(":8080"));
  }
}
