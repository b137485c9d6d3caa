package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErrorWindowTest {

  private final ErrorWindow window = new ErrorWindow();

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  @Test
  void reportsNoErrorsBeforeAnythingHappened() {
    assertEquals(0, window.errorRate(seconds(5)));
    assertEquals(0, window.total(seconds(5)));
  }

  @Test
  void computesTheRateOverEverythingInTheWindow() {
    window.error(seconds(1));
    window.success(seconds(10));
    window.success(seconds(30));
    window.error(seconds(50));

    assertEquals(0.5, window.errorRate(seconds(55)));
    assertEquals(2, window.errors(seconds(55)));
  }

  @Test
  void letsOldErrorsSlideOut() {
    window.error(seconds(1));
    window.error(seconds(2));
    window.success(seconds(40));

    assertEquals(2.0 / 3, window.errorRate(seconds(59)), 1e-9);
    assertEquals(0, window.errorRate(seconds(65)));
    assertEquals(1, window.total(seconds(65)));
    assertEquals(0, window.total(seconds(101)));
  }

  @Test
  void reusesItsBucketsSoMemoryStaysBoundedOverHours() {
    for (long s = 0; s < 3 * 3600; s++) {
      window.record(s % 4 == 0, seconds(s));
    }

    long now = seconds(3 * 3600 - 1);
    assertEquals(60, window.total(now));
    assertEquals(0.25, window.errorRate(now), 1e-9);
  }

  @Test
  void worksWithNegativeNanoTimes() {
    window.error(-seconds(3));
    window.success(-seconds(2));

    assertEquals(0.5, window.errorRate(-seconds(1)));
  }
}
