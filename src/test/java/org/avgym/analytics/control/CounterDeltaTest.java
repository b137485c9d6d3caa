package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterDeltaTest {

  @Test
  void firstReadingIsZeroThenTheIncreaseAndAResetCountsFromZero() {
    CounterDelta delta = new CounterDelta();
    assertEquals(0, delta.next(100));
    assertEquals(5, delta.next(105));
    assertEquals(0, delta.next(105));
    assertEquals(3, delta.next(3));
  }
}
