package org.avgym.analytics.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.avgym.analytics.entity.Aggregate;

/**
 * Aggregates one metric and subject's samples of a period from every instance that took them (a
 * cluster sharing one database), so that a roll-up row speaks for the whole cluster.
 *
 * <p>Count, sum, min, max and p95 are over every instance's samples, as {@link Aggregator} gives
 * them: max is the highest value any instance reported. The mean depends on the metric:
 *
 * <ul>
 *   <li>{@link #ADDITIVE} metrics, which each instance measures for its own share (its sessions,
 *       the check-ins it served), add up across instances: the mean is the average cluster total,
 *       the sum of all samples divided by the number of sampling rounds. A round is a sampling
 *       interval in which any instance sampled; with one instance it is simply its sample count, so
 *       a single instance gets the plain mean.
 *   <li>Every other metric (latency, error rate, memory, CPU, pool health, occupancy, ratios) is a
 *       level, not a share: the mean over all samples is the mean across instances and time.
 * </ul>
 */
public final class ClusterAggregator {

  /** Metrics whose cluster value is the sum of the instances' values. */
  public static final Set<String> ADDITIVE =
      Set.of("connectionCount", "avgThroughput", "checkinsPerMinute");

  private final Aggregator values = new Aggregator();
  private final boolean additive;
  private final long intervalMillis;
  private final Map<String, Long> perInstance = new HashMap<>();
  private final Set<Long> intervals = new HashSet<>();

  /** For one metric sampled every {@code intervalMillis} (at least 1) by each instance. */
  public ClusterAggregator(String metric, long intervalMillis) {
    Inputs.required(metric, "metric");
    Inputs.positive(intervalMillis, "sampling interval");
    this.additive = ADDITIVE.contains(metric);
    this.intervalMillis = intervalMillis;
  }

  public void add(String instance, Instant at, double value) {
    Inputs.required(instance, "instance");
    Inputs.required(at, "sample time");
    values.add(value);
    perInstance.merge(instance, 1L, Long::sum);
    intervals.add(Math.floorDiv(at.toEpochMilli(), intervalMillis));
  }

  public long count() {
    return values.count();
  }

  /** Sampling rounds: the intervals anyone sampled in, at least the most any one instance took. */
  long rounds() {
    long most = perInstance.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return Math.max(most, intervals.size());
  }

  public Aggregate result() {
    Aggregate all = values.result();
    if (!additive || all.isEmpty()) {
      return all;
    }
    return new Aggregate(
        all.count(), all.sum(), all.min(), all.max(), all.sum() / rounds(), all.p95());
  }
}
