package org.avgym.pools.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatewayStatsTest {

  @Test
  void aRedeliveryAmongTheRecentIdsIsADuplicate() {
    String name = "stats-test-" + System.nanoTime();
    GatewayStats.acked(name, "a");
    GatewayStats.acked(name, "b");
    GatewayStats.acked(name, "a");
    assertEquals(1, GatewayStats.snapshot().get(name).duplicates());
    assertEquals(3, GatewayStats.snapshot().get(name).acked());
  }

  @Test
  void onlyTheRecentIdsAreRemembered() {
    String name = "stats-test-" + System.nanoTime();
    GatewayStats.acked(name, "first");
    for (int i = 0; i < GatewayStats.RECENT_IDS; i++) {
      GatewayStats.acked(name, "id-" + i);
    }
    GatewayStats.acked(name, "first"); // long forgotten: memory stays bounded
    GatewayStats.acked(name, "id-" + (GatewayStats.RECENT_IDS - 1)); // recent: a duplicate
    assertEquals(1, GatewayStats.snapshot().get(name).duplicates());
  }
}
