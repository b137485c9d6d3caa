package org.avgym.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.avgym.platform.entity.ServerError;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.PoolConnectionChanged;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static Incidents incidents() {
    Incidents incidents = new Incidents();
    incidents.windowSeconds = 300;
    return incidents;
  }

  private static PoolConnectionChanged change(
      String pool, ConnectionState from, ConnectionState to) {
    return new PoolConnectionChanged(pool, "ws://doors.example/1", from, to);
  }

  @Test
  void countsServerErrorsWithinTheWindow() {
    Incidents incidents = incidents();
    Instant now = Instant.now();
    assertEquals(0, incidents.serverErrors(now));
    incidents.onServerError(new ServerError("a", "boom", "trace", now.minusSeconds(400)));
    incidents.onServerError(new ServerError("b", "boom", "trace", now.minusSeconds(10)));
    incidents.onServerError(new ServerError("c", "boom", "trace", now));
    assertEquals(2, incidents.serverErrors(now));
  }

  @Test
  void countsEachConnectionThatFailsOncePerPool() {
    Incidents incidents = incidents();
    incidents.onPoolConnection(
        change("doors", ConnectionState.RECONNECTING, ConnectionState.FAILED));
    incidents.onPoolConnection(change("doors", ConnectionState.FAILED, ConnectionState.FAILED));
    incidents.onPoolConnection(
        change("doors", ConnectionState.HEALTHY, ConnectionState.RECONNECTING));
    incidents.onPoolConnection(
        change("signage", ConnectionState.CONNECTING, ConnectionState.HEALTHY));
    Instant now = Instant.now();
    assertEquals(1, incidents.poolFailures("doors", now));
    assertEquals(0, incidents.poolFailures("signage", now));
    incidents.forgetQuiet(now.plusSeconds(301));
    assertEquals(0, incidents.poolFailures("doors", now.plusSeconds(301)));
  }
}
