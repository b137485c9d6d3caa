package org.avgym.checkin.entity;

import java.util.Locale;

/** Whether a scan enters or leaves a location. */
public enum Direction {
  IN,
  OUT;

  /**
   * Reads the protocol's {@code direction} field; it is optional and defaults to {@code in}, since
   * most readers only guard the way in.
   *
   * @throws IllegalArgumentException for anything but "in" or "out" (in any case)
   */
  public static Direction parse(String text) {
    if (text == null) {
      return IN;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "in":
        return IN;
      case "out":
        return OUT;
      default:
        throw new IllegalArgumentException(
            "direction must be \"in\" or \"out\", not \"" + text + "\"");
    }
  }

  /** The protocol spells directions in lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
