package org.avgym.pools.control;

import java.time.Duration;
import java.util.Arrays;

/**
 * Counts outcomes over a sliding time window, in a fixed ring of buckets, so memory stays the same
 * however many deliveries a connection makes. The window slides a bucket at a time: it covers the
 * current bucket and the ones before it, between {@code window − window/buckets} and {@code window}
 * of history. Also serves to count reconnects (recorded as errors) over the same window.
 *
 * <p>Time is passed in as monotonic nanoseconds ({@link System#nanoTime()} style).
 */
public final class ErrorWindow {

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
  public static final int DEFAULT_BUCKETS = 12;

  private final long bucketNanos;
  private final long[] bucketIndex;
  private final long[] totals;
  private final long[] errors;

  public ErrorWindow() {
    this(DEFAULT_WINDOW, DEFAULT_BUCKETS);
  }

  public ErrorWindow(Duration window, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, was " + buckets);
    }
    this.bucketNanos = Math.max(1, Arguments.positive("window", window).toNanos() / buckets);
    this.bucketIndex = new long[buckets];
    this.totals = new long[buckets];
    this.errors = new long[buckets];
    Arrays.fill(bucketIndex, Long.MIN_VALUE);
  }

  public void success(long nowNanos) {
    record(false, nowNanos);
  }

  public void error(long nowNanos) {
    record(true, nowNanos);
  }

  public synchronized void record(boolean error, long nowNanos) {
    long index = Math.floorDiv(nowNanos, bucketNanos);
    int slot = (int) Math.floorMod(index, (long) totals.length);
    if (bucketIndex[slot] != index) {
      bucketIndex[slot] = index;
      totals[slot] = 0;
      errors[slot] = 0;
    }
    totals[slot]++;
    if (error) {
      errors[slot]++;
    }
  }

  /** Outcomes recorded within the window ending at {@code nowNanos}. */
  public synchronized long total(long nowNanos) {
    return sum(totals, nowNanos);
  }

  /** Errors recorded within the window ending at {@code nowNanos}. */
  public synchronized long errors(long nowNanos) {
    return sum(errors, nowNanos);
  }

  /** Errors over outcomes within the window, 0 when nothing was recorded. */
  public synchronized double errorRate(long nowNanos) {
    long total = total(nowNanos);
    return total == 0 ? 0 : (double) errors(nowNanos) / total;
  }

  private long sum(long[] counts, long nowNanos) {
    long current = Math.floorDiv(nowNanos, bucketNanos);
    long sum = 0;
    for (int slot = 0; slot < counts.length; slot++) {
      long index = bucketIndex[slot];
      if (index != Long.MIN_VALUE && index <= current && current - index < counts.length) {
        sum += counts[slot];
      }
    }
    return sum;
  }
}
