package org.avgym.analytics.entity;

/**
 * Summary of a set of values, the content of an hourly or daily roll-up row. {@code min}, {@code
 * max}, {@code mean} and {@code p95} are NaN when {@code count} is 0.
 *
 * <p>{@code p95} is the nearest-rank 95th percentile (the smallest value with at least 95 % of the
 * values at or below it). Combining two aggregates is exact for count, sum, min, max and mean, but
 * a percentile of a union cannot be derived from the parts' percentiles, so {@link #combine} leaves
 * p95 NaN unless one side is empty; daily p95 comes from merging the samplers of {@code
 * Aggregator#merge} or from re-reading the samples. (The parts' p95 only bound it: the union's p95
 * lies between their minimum and maximum.)
 */
public record Aggregate(long count, double sum, double min, double max, double mean, double p95) {

  public static final Aggregate EMPTY =
      new Aggregate(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  public Aggregate {
    if (count < 0) {
      throw new IllegalArgumentException("aggregate count must not be negative, was " + count);
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Roll two periods into one, e.g. 24 hourly rows into a daily one. */
  public Aggregate combine(Aggregate other) {
    if (other == null) {
      throw new IllegalArgumentException("cannot combine with a missing aggregate");
    }
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long n = count + other.count;
    double total = sum + other.sum;
    return new Aggregate(
        n, total, Math.min(min, other.min), Math.max(max, other.max), total / n, Double.NaN);
  }
}
