package org.avgym.live.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a live client can subscribe to. */
public enum Topic {
  CHECKINS,
  OCCUPANCY,
  ALERTS,
  POOLS,
  METRICS;

  public String wire() {
    return name().toLowerCase();
  }

  public static Optional<Topic> parse(String text) {
    return Arrays.stream(values()).filter(t -> t.wire().equals(text)).findFirst();
  }
}
