package org.avgym.analytics.control;

import java.util.List;
import java.util.Optional;

/**
 * The metrics the sampler records every interval, with what an alert threshold on each may be: a
 * ratio lies between 0 and 1, a percentage between 0 and 100, a count or a duration is never
 * negative. A threshold outside its metric's range would never fire (or always fire), so a rule
 * with one is refused naming the range; metrics not listed here keep any finite threshold.
 */
public final class SampledMetrics {

  /** One sampled metric: its name, what it measures, and the values it can take. */
  public record Metric(String name, String description, double min, double max) {

    public boolean admits(double threshold) {
      return threshold >= min && threshold <= max;
    }

    public String range() {
      return max == Double.MAX_VALUE ? "0 or more" : format(min) + " to " + format(max);
    }

    private static String format(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
  }

  private static final double ANY = Double.MAX_VALUE;

  public static final List<Metric> ALL =
      List.of(
          new Metric("occupancy", "people inside, per location", 0, ANY),
          new Metric("occupancyRatio", "occupancy ÷ capacity (0.9 = 90 %), per location", 0, 1),
          new Metric("checkinsPerMinute", "check-ins per minute, per location and in all", 0, ANY),
          new Metric("denialSpikeRatio", "denials per minute ÷ their trailing mean", 0, ANY),
          new Metric("deviceOfflineSeconds", "seconds a device has been offline", 0, ANY),
          new Metric("poolHealth", "pool health score, 0 (dead) to 100", 0, 100),
          new Metric(
              "poolConnectionsFailed",
              "pool connections failed now or in the incident window (reconnects ran out)",
              0,
              ANY),
          new Metric("serverErrors", "API requests answered 500 in the incident window", 0, ANY),
          new Metric("errorRate", "share of failed requests (0.01 = 1 %)", 0, 1),
          new Metric("avgLatency", "mean check-in decision time in ms", 0, ANY),
          new Metric("avgThroughput", "check-ins decided per second", 0, ANY),
          new Metric("connectionCount", "open device and live sessions", 0, ANY),
          new Metric("memoryUsage", "heap used, percent", 0, 100),
          new Metric("cpuUsage", "process CPU, percent", 0, 100));

  private SampledMetrics() {}

  public static Optional<Metric> find(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
