package org.avgym.soak;

import java.util.List;
import java.util.Locale;

/**
 * Whether a series stayed flat: the mean of its last third within a tolerance of the mean of its
 * middle third. The first third is left out, since it holds the warm-up (JIT, caches, pools
 * filling). Fewer than {@link #MIN_SAMPLES} samples are too few to tell.
 */
record Flatness(String series, int samples, double middleMean, double lastMean, double tolerance) {

  static final int MIN_SAMPLES = 6;

  static Flatness of(String series, List<Double> values, double tolerance) {
    int n = values.size();
    if (n < MIN_SAMPLES) {
      return new Flatness(series, n, Double.NaN, Double.NaN, tolerance);
    }
    return new Flatness(
        series,
        n,
        mean(values.subList(n / 3, 2 * n / 3)),
        mean(values.subList(2 * n / 3, n)),
        tolerance);
  }

  boolean judged() {
    return samples >= MIN_SAMPLES;
  }

  /** The last third's change against the middle third, as a fraction (0.05 is 5 % higher). */
  double change() {
    return (lastMean - middleMean) / middleMean;
  }

  boolean flat() {
    return !judged() || Math.abs(change()) <= tolerance;
  }

  String verdict() {
    if (!judged()) {
      return String.format(
          Locale.ROOT,
          "%s: not judged, %d samples (at least %d needed)",
          series,
          samples,
          MIN_SAMPLES);
    }
    return String.format(
        Locale.ROOT,
        "%s: middle third %.1f, last third %.1f, %+.1f %% (limit ±%.0f %%) %s",
        series,
        middleMean,
        lastMean,
        100 * change(),
        100 * tolerance,
        flat() ? "flat" : "NOT FLAT");
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
