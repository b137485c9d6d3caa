package org.avgym.pools.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {

  @Test
  void putsOnlyHealthyAndDegradedConnectionsInRotation() {
    assertEquals(
        EnumSet.of(ConnectionState.HEALTHY, ConnectionState.DEGRADED),
        Arrays.stream(ConnectionState.values())
            .filter(ConnectionState::inRotation)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConnectionState.class))));
  }

  @Test
  void countsUnhealthyConnectionsAsConnectedForPanicMode() {
    assertEquals(
        EnumSet.of(ConnectionState.HEALTHY, ConnectionState.DEGRADED, ConnectionState.UNHEALTHY),
        Arrays.stream(ConnectionState.values())
            .filter(ConnectionState::connected)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConnectionState.class))));
  }
}
