package org.avgym.pools.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The load-balancing strategies a pool can be configured with, by their names on the wire. */
public enum StrategyName {
  ROUND_ROBIN("round-robin"),
  LEAST_CONNECTIONS("least-connections"),
  HEALTH_WEIGHTED("health-weighted");

  private final String wire;

  StrategyName(String wire) {
    this.wire = wire;
  }

  /** The name used in the REST API and the database. */
  public String wire() {
    return wire;
  }

  /**
   * The strategy with this wire name, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid strategies, so an administrator who mistyped
   *     one sees what to write instead
   */
  public static StrategyName parse(String name) {
    if (name != null) {
      String wanted = name.trim().toLowerCase(Locale.ROOT);
      for (StrategyName strategy : values()) {
        if (strategy.wire.equals(wanted)) {
          return strategy;
        }
      }
    }
    throw new IllegalArgumentException(
        "Unknown load-balancing strategy '" + name + "'; valid strategies are " + validNames());
  }

  /** The wire names, comma-separated, for messages. */
  public static String validNames() {
    return Arrays.stream(values()).map(StrategyName::wire).collect(Collectors.joining(", "));
  }
}
