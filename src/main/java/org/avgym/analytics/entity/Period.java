package org.avgym.analytics.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The length of a roll-up row. Periods start on whole UTC hours and days. */
public enum Period {
  HOUR(Duration.ofHours(1)),
  DAY(Duration.ofDays(1));

  private final Duration length;

  Period(Duration length) {
    this.length = length;
  }

  public Duration length() {
    return length;
  }

  /** The start of the period that contains {@code at}. */
  public Instant startOf(Instant at) {
    return at.truncatedTo(this == HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS);
  }

  public Instant next(Instant start) {
    return start.plus(length);
  }

  /** The lock row that keeps this period's roll-up to one instance in a cluster. */
  public String lockName() {
    return "rollup-" + name();
  }
}
