package org.avgym.soak;

import java.util.Collection;

/** Answer-time percentiles of one minute, in milliseconds (nearest rank; NaN with no answers). */
record Percentiles(double p50, double p95, double p99) {

  static Percentiles of(Collection<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99));
  }

  static double rank(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
