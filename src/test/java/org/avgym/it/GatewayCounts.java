package org.avgym.it;

import jakarta.json.JsonObject;

/**
 * Sums the simulated gateway's counts ({@code GET /api/pools/_simulator}) over the receivers whose
 * names start with a pool's name, as ITs and the pool benchmark name them.
 */
public record GatewayCounts(long acked, long duplicates) {

  public static GatewayCounts of(JsonObject stats, String pool) {
    long acked = 0;
    long duplicates = 0;
    for (String name : stats.keySet()) {
      if (name.startsWith(pool)) {
        acked += stats.getJsonObject(name).getJsonNumber("acked").longValue();
        duplicates += stats.getJsonObject(name).getJsonNumber("duplicates").longValue();
      }
    }
    return new GatewayCounts(acked, duplicates);
  }
}
