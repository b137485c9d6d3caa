package org.avgym.analytics.entity;

/** Direction of a metric over a window, with the arrow shown next to current values. */
public enum Trend {
  UP("↑"),
  DOWN("↓"),
  STABLE("→");

  private final String symbol;

  Trend(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
