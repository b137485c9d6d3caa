package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.avgym.analytics.entity.Aggregate;
import org.junit.jupiter.api.Test;

class ClusterAggregatorTest {

  private static final Instant HOUR = Instant.parse("2026-11-28T12:00:00Z");
  private static final long TEN_SECONDS = 10_000;

  /** One instance's samples every 10 s from {@code offsetMs} on. */
  private static void sample(
      ClusterAggregator aggregator, String instance, long offsetMs, double... values) {
    for (int i = 0; i < values.length; i++) {
      aggregator.add(instance, HOUR.plusMillis(offsetMs + i * TEN_SECONDS), values[i]);
    }
  }

  @Test
  void oneInstanceGetsThePlainAggregateEvenForAnAdditiveMetric() {
    ClusterAggregator connections = new ClusterAggregator("connectionCount", TEN_SECONDS);
    sample(connections, "a", 9_999, 2, 4, 6);
    Aggregate result = connections.result();
    assertEquals(3, result.count());
    assertEquals(12, result.sum());
    assertEquals(4, result.mean());
    assertEquals(6, result.max());
  }

  @Test
  void anAdditiveMetricsMeanIsTheAverageClusterTotal() {
    ClusterAggregator connections = new ClusterAggregator("connectionCount", TEN_SECONDS);
    sample(connections, "a", 1_000, 10, 10, 10);
    sample(connections, "b", 7_000, 5, 5, 5); // sampled at another phase of the same rounds
    Aggregate result = connections.result();
    assertEquals(6, result.count());
    assertEquals(45, result.sum());
    assertEquals(15, result.mean(), 1e-9);
    assertEquals(5, result.min());
    assertEquals(10, result.max());
  }

  @Test
  void anInstanceThatRanHalfThePeriodAddsHalfItsLevelToTheClusterMean() {
    ClusterAggregator throughput = new ClusterAggregator("avgThroughput", TEN_SECONDS);
    sample(throughput, "a", 0, 4, 4, 4, 4);
    sample(throughput, "b", 20_000, 8, 8); // the last two rounds only
    assertEquals(8, throughput.result().mean(), 1e-9); // (16 + 16) / 4 rounds
  }

  @Test
  void whenInstancesTookTurnsTheRoundsAreTheIntervalsEitherSampled() {
    ClusterAggregator checkins = new ClusterAggregator("checkinsPerMinute", TEN_SECONDS);
    sample(checkins, "a", 0, 6, 6);
    sample(checkins, "b", 20_000, 6, 6);
    assertEquals(6, checkins.result().mean(), 1e-9);
  }

  @Test
  void aLevelMetricsMeanIsOverEverySampleOfEveryInstance() {
    ClusterAggregator latency = new ClusterAggregator("avgLatency", TEN_SECONDS);
    sample(latency, "a", 0, 10, 10);
    sample(latency, "b", 5_000, 40, 40);
    Aggregate result = latency.result();
    assertEquals(25, result.mean(), 1e-9);
    assertEquals(100, result.sum());
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClusterAggregator("cpuUsage", 0));
    ClusterAggregator cpu = new ClusterAggregator("cpuUsage", TEN_SECONDS);
    assertThrows(IllegalArgumentException.class, () -> cpu.add(null, HOUR, 1));
    assertThrows(IllegalArgumentException.class, () -> cpu.add("a", HOUR, Double.NaN));
  }
}
