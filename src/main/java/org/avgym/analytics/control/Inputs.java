package org.avgym.analytics.control;

/**
 * Argument checks shared by the analytics maths, so every bad input fails the same way: an {@link
 * IllegalArgumentException} naming what was wrong.
 */
final class Inputs {

  private Inputs() {}

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  static double finite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, was " + value);
    }
    return value;
  }

  static double positive(double value, String what) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a positive number, was " + value);
    }
    return value;
  }
}
