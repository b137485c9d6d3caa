package org.avgym.analytics.control;

import java.util.ArrayDeque;
import java.util.Deque;
import org.avgym.analytics.entity.SpikeReading;

/**
 * Notices a sudden burst, such as denials per minute jumping to several times their usual level,
 * which a fixed threshold cannot express because the usual level differs per gym and hour.
 *
 * <p>Each value is judged against the mean of the {@code window} values before it, and is a spike
 * when it is at least {@code minimumCount} and more than {@code factor} × that mean. Until the
 * window is full nothing is a spike: right after start-up there is no trailing mean worth the name.
 * Feed it one value per period (per minute for denials) and one detector per subject. Not
 * thread-safe.
 */
public final class SpikeDetector {

  /** A spike is more than three times the trailing mean. */
  public static final double DEFAULT_FACTOR = 3.0;

  /** Below five denials a minute a "spike" is a couple of mistyped cards, not an incident. */
  public static final double DEFAULT_MINIMUM_COUNT = 5;

  /** Fifteen one-minute values: long enough to be a level, short enough to follow the day. */
  public static final int DEFAULT_WINDOW = 15;

  private final double factor;
  private final double minimumCount;
  private final int window;
  private final Deque<Double> trailing = new ArrayDeque<>();
  private double trailingSum;

  public SpikeDetector() {
    this(DEFAULT_FACTOR, DEFAULT_MINIMUM_COUNT, DEFAULT_WINDOW);
  }

  public SpikeDetector(double factor, double minimumCount, int window) {
    this.factor = Inputs.positive(factor, "spike factor");
    if (!(minimumCount >= 0) || Double.isInfinite(minimumCount)) {
      throw new IllegalArgumentException(
          "spike minimum count must be zero or more, was " + minimumCount);
    }
    if (window < 1) {
      throw new IllegalArgumentException("spike window must be at least 1, was " + window);
    }
    this.minimumCount = minimumCount;
    this.window = window;
  }

  /** Judges the value against the values before it, then adds it to the trailing window. */
  public SpikeReading observe(double value) {
    Inputs.finite(value, "observed value");
    SpikeReading reading = judge(value);
    trailing.addLast(value);
    trailingSum += value;
    if (trailing.size() > window) {
      trailingSum -= trailing.removeFirst();
    }
    return reading;
  }

  private SpikeReading judge(double value) {
    if (trailing.size() < window) {
      return new SpikeReading(value, Double.NaN, 0, false);
    }
    double mean = trailingSum / window;
    if (value < minimumCount) {
      return new SpikeReading(value, mean, 0, false);
    }
    double ratio = mean > 0 ? value / mean : value > 0 ? Double.POSITIVE_INFINITY : 0;
    return new SpikeReading(value, mean, ratio, ratio > factor);
  }
}
