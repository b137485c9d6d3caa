package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.avgym.analytics.entity.Aggregate;
import org.junit.jupiter.api.Test;

class AggregatorTest {

  @Test
  void summarisesValuesWithNearestRankP95() {
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1; // 1..100
    }
    Aggregate aggregate = Aggregator.of(values);

    assertEquals(100, aggregate.count());
    assertEquals(5050, aggregate.sum());
    assertEquals(1, aggregate.min());
    assertEquals(100, aggregate.max());
    assertEquals(50.5, aggregate.mean());
    assertEquals(95, aggregate.p95());
  }

  @Test
  void p95OfFewValuesIsTheLargestWhenFewerThanTwenty() {
    assertEquals(7, Aggregator.of(3, 7, 1).p95());
    assertEquals(42, Aggregator.of(42).p95());
  }

  @Test
  void emptyAggregateHasZeroCountAndNoStatistics() {
    Aggregate aggregate = new Aggregator().result();

    assertSame(Aggregate.EMPTY, aggregate);
    assertTrue(Double.isNaN(aggregate.mean()));
    assertTrue(Double.isNaN(aggregate.p95()));
  }

  @Test
  void rejectsNotANumberAndInfinity() {
    Aggregator aggregator = new Aggregator();

    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> aggregator.add(Double.NaN));
    assertTrue(nan.getMessage().contains("finite"));
    assertThrows(IllegalArgumentException.class, () -> aggregator.add(Double.POSITIVE_INFINITY));
    assertEquals(0, aggregator.count());
  }

  @Test
  void rejectsReservoirSmallerThanOne() {
    assertThrows(IllegalArgumentException.class, () -> new Aggregator(0, 1));
  }

  @Test
  void combinesHourlyRollupsExactlyExceptP95() {
    Aggregate morning = Aggregator.of(1, 2, 3);
    Aggregate evening = Aggregator.of(10, 20);

    Aggregate day = morning.combine(evening);

    assertEquals(5, day.count());
    assertEquals(36, day.sum());
    assertEquals(1, day.min());
    assertEquals(20, day.max());
    assertEquals(7.2, day.mean(), 1e-12);
    assertTrue(Double.isNaN(day.p95()), "p95 of a union is unknown from the parts' p95");
  }

  @Test
  void combiningWithAnEmptyPeriodKeepsP95() {
    Aggregate hour = Aggregator.of(1, 2, 3);

    assertEquals(hour, hour.combine(Aggregate.EMPTY));
    assertEquals(hour, Aggregate.EMPTY.combine(hour));
    assertThrows(IllegalArgumentException.class, () -> hour.combine(null));
  }

  @Test
  void mergedSmallAggregatorsGiveTheExactP95OfAllValues() {
    Aggregator first = new Aggregator();
    Aggregator second = new Aggregator();
    double[] all = new double[200];
    for (int i = 0; i < all.length; i++) {
      all[i] = (i * 37) % 200;
      (i % 2 == 0 ? first : second).add(all[i]);
    }

    Aggregator merged = first.merge(second);

    assertTrue(merged.exact());
    assertEquals(Aggregator.of(all), merged.result());
  }

  @Test
  void estimatedP95OfLargeInputStaysWithinTheDocumentedRankError() {
    int reservoir = 1_000;
    double epsilon = Math.sqrt(Math.log(2 / 0.01) / (2 * reservoir)); // DKW at 99 %
    Aggregator aggregator = new Aggregator(reservoir, 7);
    Random random = new Random(11);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      aggregator.add(random.nextDouble()); // uniform: value = quantile
    }

    Aggregate aggregate = aggregator.result();

    assertFalse(aggregator.exact());
    assertEquals(n, aggregate.count());
    assertEquals(0.95, aggregate.p95(), epsilon);
  }

  @Test
  void mergedLargeAggregatorsEstimateP95OfTheUnion() {
    int reservoir = 1_000;
    double epsilon = Math.sqrt(Math.log(2 / 0.01) / (2 * reservoir));
    Aggregator low = new Aggregator(reservoir, 3);
    Aggregator high = new Aggregator(reservoir, 5);
    Random random = new Random(13);
    for (int i = 0; i < 30_000; i++) {
      low.add(random.nextDouble() * 0.5); // three quarters of the values in [0, 0.5)
    }
    for (int i = 0; i < 10_000; i++) {
      high.add(0.5 + random.nextDouble() * 0.5); // one quarter in [0.5, 1)
    }

    Aggregate union = low.merge(high).result();

    // 95 % of the union lies below 0.5 + 0.5 × 0.8 = 0.9; a rank error ε is 2ε in value above 0.5
    assertEquals(0.9, union.p95(), 2 * epsilon);
    assertEquals(40_000, union.count());
  }

  @Test
  void sameValuesGiveTheSameRollupOnReRun() {
    double[] values = new Random(1).doubles(50_000).toArray();
    Aggregator first = new Aggregator(500, Aggregator.DEFAULT_SEED);
    Aggregator second = new Aggregator(500, Aggregator.DEFAULT_SEED);
    Arrays.stream(values).forEach(first::add);
    Arrays.stream(values).forEach(second::add);

    assertEquals(first.result(), second.result());
  }
}
