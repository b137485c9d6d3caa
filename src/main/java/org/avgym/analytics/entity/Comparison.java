package org.avgym.analytics.entity;

import java.util.Locale;

/** Which side of the threshold is bad. */
public enum Comparison {
  ABOVE(">"),
  BELOW("<");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Accepts the names in any case and the symbols {@code >} and {@code <}, as typed by admins. */
  public static Comparison parse(String text) {
    if (text != null) {
      String trimmed = text.trim();
      for (Comparison comparison : values()) {
        if (comparison.symbol.equals(trimmed)
            || comparison.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
          return comparison;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown comparison '" + text + "': expected ABOVE, BELOW, > or <");
  }

  /** The value is on the bad side of the threshold. */
  public boolean breaches(double value, double threshold) {
    return this == ABOVE ? value > threshold : value < threshold;
  }

  /** The value has come back past the clear threshold, to the good side. */
  public boolean clears(double value, double clearThreshold) {
    return this == ABOVE ? value < clearThreshold : value > clearThreshold;
  }
}
