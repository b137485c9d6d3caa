package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private static final long S = 1_000_000_000L;

  private static final Throttle.Policy POLICY =
      new Throttle.Policy(
          3,
          6,
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(15));

  @Test
  void theFirstFailuresAreFreeThenTheWaitDoublesThenTheKeyLocks() {
    Throttle throttle = new Throttle(POLICY, 100);
    long now = 0;
    for (int i = 1; i <= 2; i++) {
      assertEquals(Duration.ZERO, throttle.failed("ana", now).delay());
      assertEquals(Duration.ZERO, throttle.waiting("ana", now));
    }
    assertEquals(Duration.ofSeconds(1), throttle.failed("ana", now).delay());
    assertEquals(Duration.ofSeconds(1), throttle.waiting("ana", now));
    assertEquals(Duration.ofMillis(500), throttle.waiting("ana", now + S / 2));
    now += S;
    assertEquals(Duration.ZERO, throttle.waiting("ana", now));
    assertEquals(Duration.ofSeconds(2), throttle.failed("ana", now).delay());
    now += 2 * S;
    assertEquals(Duration.ofSeconds(4), throttle.failed("ana", now).delay());
    now += 4 * S;
    Throttle.Outcome locked = throttle.failed("ana", now);
    assertTrue(locked.locked());
    assertEquals(Duration.ofMinutes(15), locked.delay());
    assertEquals(Duration.ofMinutes(15), throttle.waiting("ana", now));
    assertEquals(Duration.ZERO, throttle.waiting("bob", now), "other keys are not affected");
  }

  @Test
  void theWaitIsCappedBeforeTheLock() {
    Throttle.Policy policy =
        new Throttle.Policy(
            0,
            50,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofHours(1),
            Duration.ofHours(1));
    assertEquals(Duration.ofSeconds(5), policy.waitAfter(10));
    assertEquals(Duration.ofSeconds(5), policy.waitAfter(49));
    assertEquals(Duration.ofHours(1), policy.waitAfter(50));
  }

  @Test
  void aSuccessOrTimeForgetsTheFailures() {
    Throttle throttle = new Throttle(POLICY, 100);
    for (int i = 0; i < 3; i++) {
      throttle.failed("ana", 0);
    }
    throttle.succeeded("ana");
    assertEquals(Duration.ZERO, throttle.waiting("ana", 0));
    assertEquals(1, throttle.failed("ana", 0).failures());
    assertEquals(1, throttle.failed("ana", 16 * 60 * S).failures(), "forgotten after 15 min");
  }

  @Test
  void staysBoundedAndKeepsTheKeysThatWait() {
    Throttle throttle =
        new Throttle(
            new Throttle.Policy(
                0,
                2,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15)),
            10);
    for (int i = 0; i < 10; i++) {
      throttle.failed("locked-" + i, 0);
      throttle.failed("locked-" + i, 2 * S);
    }
    for (int i = 0; i < 1000; i++) {
      throttle.failed("spray-" + i, 3 * S);
    }
    assertTrue(throttle.size() <= 10);
    assertFalse(throttle.waiting("locked-3", 3 * S).isZero());
  }
}
