package org.avgym.members.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A span during which a membership is paused.
 *
 * @param from first frozen instant
 * @param until first instant no longer frozen (exclusive); null while the end is not yet known
 */
public record FreezePeriod(Instant from, Instant until) {

  public FreezePeriod {
    Objects.requireNonNull(from, "from");
    if (until != null && !until.isAfter(from)) {
      throw new IllegalArgumentException(
          "freeze must end after it starts: " + from + " .. " + until);
    }
  }

  public boolean covers(Instant instant) {
    return !instant.isBefore(from) && (until == null || instant.isBefore(until));
  }
}
