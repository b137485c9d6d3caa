package org.avgym.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void doublesFromFiveSecondsUpToTenMinutes() {
    RetrySchedule schedule = RetrySchedule.DEFAULTS;
    assertEquals(Duration.ofSeconds(5), schedule.delayAfter(1));
    assertEquals(Duration.ofSeconds(10), schedule.delayAfter(2));
    assertEquals(Duration.ofSeconds(20), schedule.delayAfter(3));
    assertEquals(Duration.ofSeconds(320), schedule.delayAfter(7));
    assertEquals(Duration.ofMinutes(10), schedule.delayAfter(8));
    assertEquals(Duration.ofMinutes(10), schedule.delayAfter(1_000));
  }

  @Test
  void givesUpAfterTheWaitsBetweenEveryAttempt() {
    // 8 attempts: 7 waits of 5 + 10 + 20 + 40 + 80 + 160 + 320 s
    assertEquals(Duration.ofSeconds(635), RetrySchedule.DEFAULTS.giveUpAfter());
    assertEquals(
        Duration.ZERO,
        new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1).giveUpAfter());
  }

  @Test
  void refusesSchedulesThatCannotWork() {
    Duration second = Duration.ofSeconds(1);
    assertThrows(
        IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 2, second, 3));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(second, 0.5, second, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(second, 2, Duration.ofMillis(1), 3));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(second, 2, second, 0));
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.DEFAULTS.delayAfter(0));
  }
}
