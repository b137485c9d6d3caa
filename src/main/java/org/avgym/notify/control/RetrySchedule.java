package org.avgym.notify.control;

import java.time.Duration;

/**
 * When to try a notification again after a failed attempt: exponential backoff, {@code base} after
 * the first failure, multiplied by {@code factor} after each further one, never more than {@code
 * cap}; after {@code maxAttempts} attempts the notification has failed. Without jitter: a handful
 * of notifications per alert do not need spreading, and an operator can tell from the attempts when
 * the next one comes. The defaults (5 s doubling to 10 min, 8 attempts) keep trying for about 15
 * minutes, long enough for a receiver to be restarted.
 */
public record RetrySchedule(Duration base, double factor, Duration cap, int maxAttempts) {

  public static final RetrySchedule DEFAULTS =
      new RetrySchedule(Duration.ofSeconds(5), 2, Duration.ofMinutes(10), 8);

  public RetrySchedule {
    if (base == null || base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("retry base must be positive, was " + base);
    }
    if (cap == null || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry cap must be at least the base, was " + cap);
    }
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("retry factor must be at least 1, was " + factor);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The wait after the {@code failed}-th failed attempt (1 for the first). */
  public Duration delayAfter(int failed) {
    if (failed < 1) {
      throw new IllegalArgumentException("failed attempts start at 1, was " + failed);
    }
    double millis = base.toMillis() * Math.pow(factor, failed - 1);
    return millis >= cap.toMillis() ? cap : Duration.ofMillis((long) millis);
  }

  /** The time from the first attempt to the last, if every one fails. */
  public Duration giveUpAfter() {
    Duration total = Duration.ZERO;
    for (int failed = 1; failed < maxAttempts; failed++) {
      total = total.plus(delayAfter(failed));
    }
    return total;
  }
}
