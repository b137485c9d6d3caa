package org.avgym.pools.control;

import java.time.Duration;
import java.util.Objects;

/** Checks of configuration values, so a bad pool setting fails where it is made, by name. */
final class Arguments {

  private Arguments() {}

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static double share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
    }
    return value;
  }
}
