package org.avgym.demo.control;

import java.time.LocalTime;

/**
 * How busy a gym is over the day, as a share of its peak: a morning peak before work, a larger
 * evening peak after work, a lunch shoulder, and a small floor so a 24-hour gym is not dead at
 * night. Local time of the location, so each site peaks in its own morning and evening.
 *
 * @param floor the share at the quietest time (0 to 1)
 */
public record DailyRhythm(double floor) {

  public static final DailyRhythm DEFAULT = new DailyRhythm(0.04);

  private static final double MORNING_PEAK_HOUR = 7.0;
  private static final double MORNING_WIDTH_HOURS = 1.0;
  private static final double MORNING_HEIGHT = 0.75;
  private static final double LUNCH_HOUR = 12.5;
  private static final double LUNCH_WIDTH_HOURS = 1.0;
  private static final double LUNCH_HEIGHT = 0.35;
  private static final double EVENING_PEAK_HOUR = 18.0;
  private static final double EVENING_WIDTH_HOURS = 1.5;
  private static final double EVENING_HEIGHT = 1.0;
  private static final double SECONDS_PER_HOUR = 3600.0;

  public DailyRhythm {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("floor must be between 0 and 1, was " + floor);
    }
  }

  /** The share of the peak rate at a local time, between {@code floor} and 1. */
  public double share(LocalTime time) {
    double hour = time.toSecondOfDay() / SECONDS_PER_HOUR;
    double busy =
        bump(hour, MORNING_PEAK_HOUR, MORNING_WIDTH_HOURS, MORNING_HEIGHT)
            + bump(hour, LUNCH_HOUR, LUNCH_WIDTH_HOURS, LUNCH_HEIGHT)
            + bump(hour, EVENING_PEAK_HOUR, EVENING_WIDTH_HOURS, EVENING_HEIGHT);
    return Math.min(1.0, floor + (1 - floor) * busy);
  }

  /**
   * Scans expected in one tick: the peak rate per minute times the share, for the tick's length.
   */
  public double expected(double peakPerMinute, LocalTime time, long tickMillis) {
    return peakPerMinute * share(time) * tickMillis / 60_000.0;
  }

  /**
   * A whole number of scans whose mean is {@code expected}: the fraction becomes one more scan with
   * that probability, so low rates still produce traffic instead of rounding to zero.
   */
  public static int draw(double expected, double uniform) {
    int whole = (int) Math.floor(expected);
    return whole + (uniform < expected - whole ? 1 : 0);
  }

  private static double bump(double hour, double peak, double width, double height) {
    double distance = (hour - peak) / width;
    return height * Math.exp(-0.5 * distance * distance);
  }
}
