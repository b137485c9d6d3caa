package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveTimeoutTest {

  private static final Duration MIN = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(10);

  private final AdaptiveTimeout timeout = new AdaptiveTimeout(MIN, MAX);

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void waitsTheUpperBoundBeforeAnyMeasurement() {
    assertEquals(MAX, timeout.timeout());
  }

  @Test
  void startsAtAConfiguredInitialValue() {
    assertEquals(
        Duration.ofSeconds(2), new AdaptiveTimeout(MIN, MAX, Duration.ofSeconds(2)).timeout());
  }

  @Test
  void takesThreeTimesTheFirstRoundTrip() {
    timeout.sample(ms(200));

    // SRTT 200 + 4 × RTTVAR 100
    assertEquals(ms(600), timeout.timeout());
  }

  @Test
  void convergesOnASteadyRoundTrip() {
    for (int i = 0; i < 200; i++) {
      timeout.sample(ms(300));
    }

    assertEquals(300, timeout.smoothedRoundTrip().toMillis());
    assertEquals(300, timeout.timeout().toMillis(), 1);
  }

  @Test
  void allowsMoreTimeForAJitteryEndpoint() {
    AdaptiveTimeout jittery = new AdaptiveTimeout(MIN, MAX);
    for (int i = 0; i < 200; i++) {
      timeout.sample(ms(300));
      jittery.sample(ms(i % 2 == 0 ? 200 : 400));
    }

    assertTrue(jittery.timeout().compareTo(timeout.timeout().plusMillis(200)) > 0);
  }

  @Test
  void neverGoesBelowTheLowerBound() {
    for (int i = 0; i < 200; i++) {
      timeout.sample(ms(2));
    }

    assertEquals(MIN, timeout.timeout());
  }

  @Test
  void neverGoesAboveTheUpperBound() {
    timeout.sample(Duration.ofSeconds(30));

    assertEquals(MAX, timeout.timeout());
  }

  @Test
  void doublesAfterATimeoutUntilTheNextSample() {
    timeout.sample(ms(200));
    timeout.timedOut();

    assertEquals(ms(1200), timeout.timeout());
    for (int i = 0; i < 10; i++) {
      timeout.timedOut();
    }
    assertEquals(MAX, timeout.timeout());
  }

  @Test
  void rejectsALowerBoundAboveTheUpper() {
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveTimeout(MAX, MIN));
  }
}
