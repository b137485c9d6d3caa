package org.avgym.analytics.entity;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The time ranges the Performance and Analytics tabs offer. */
public enum Range {
  H1("1h", Duration.ofHours(1)),
  H6("6h", Duration.ofHours(6)),
  H24("24h", Duration.ofHours(24)),
  D7("7d", Duration.ofDays(7));

  private final String label;
  private final Duration length;

  Range(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  public String label() {
    return label;
  }

  public Duration length() {
    return length;
  }

  /** Ranges longer than six hours are drawn from hourly roll-ups rather than raw samples. */
  public boolean fromRollups() {
    return length.compareTo(Duration.ofHours(6)) > 0;
  }

  public static Optional<Range> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.label.equals(text)).findFirst();
  }
}
