package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.avgym.analytics.control.FailureDigest.Verdict;
import org.junit.jupiter.api.Test;

class FailureDigestTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void theFirstOfABurstIsRecordedTheRestCountedAndTheNextWindowSaysHowMany() {
    FailureDigest digest = new FailureDigest(Duration.ofSeconds(60), 100);
    assertEquals(new Verdict(true, 0), digest.offer("checkin.unavailable", "door-1", T0));
    for (int i = 1; i <= 5; i++) {
      assertEquals(
          new Verdict(false, 0), digest.offer("checkin.unavailable", "door-1", T0.plusSeconds(i)));
    }
    assertEquals(
        new Verdict(true, 5), digest.offer("checkin.unavailable", "door-1", T0.plusSeconds(60)));
    assertEquals(
        new Verdict(true, 0), digest.offer("checkin.unavailable", "door-1", T0.plusSeconds(200)));
  }

  @Test
  void eachKindAndSourceHasItsOwnWindow() {
    FailureDigest digest = new FailureDigest(Duration.ofSeconds(60), 100);
    assertEquals(new Verdict(true, 0), digest.offer("checkin.unavailable", "door-1", T0));
    assertEquals(new Verdict(true, 0), digest.offer("checkin.unavailable", "door-2", T0));
    assertEquals(new Verdict(true, 0), digest.offer("websocket.error", "door-1", T0));
  }

  @Test
  void pastTheKeyLimitEverythingIsForgottenSoMemoryStaysBounded() {
    FailureDigest digest = new FailureDigest(Duration.ofSeconds(60), 2);
    digest.offer("k", "a", T0);
    digest.offer("k", "b", T0);
    assertEquals(new Verdict(false, 0), digest.offer("k", "a", T0.plusSeconds(1)));
    assertEquals(new Verdict(true, 0), digest.offer("k", "c", T0.plusSeconds(2)));
    assertEquals(new Verdict(true, 0), digest.offer("k", "a", T0.plusSeconds(3)));
  }

  @Test
  void aZeroWindowRecordsEveryFailure() {
    FailureDigest digest = new FailureDigest(Duration.ZERO, 10);
    assertEquals(new Verdict(true, 0), digest.offer("k", "a", T0));
    assertEquals(new Verdict(true, 0), digest.offer("k", "a", T0));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new FailureDigest(null, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new FailureDigest(Duration.ofSeconds(-1), 1));
    assertThrows(IllegalArgumentException.class, () -> new FailureDigest(Duration.ofSeconds(1), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FailureDigest(Duration.ofSeconds(1), 1).offer("k", "a", null));
  }
}
