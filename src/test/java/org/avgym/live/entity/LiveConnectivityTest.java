package org.avgym.live.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveConnectivityTest {

  private static LiveConnectivity close(int code, boolean silent) {
    return LiveConnectivity.closed("ana", "s1", code, "why", Duration.ofSeconds(3), silent);
  }

  @Test
  void aNormalCloseOrAClientGoingAwayIsNotAbnormal() {
    assertFalse(close(1000, false).abnormal());
    assertFalse(close(1001, false).abnormal());
  }

  @Test
  void aDroppedConnectionATooSlowClientAndAFailedSendAreAbnormal() {
    assertTrue(close(1006, false).abnormal());
    assertTrue(close(1013, false).abnormal());
    assertTrue(close(1011, false).abnormal());
  }

  @Test
  void goingAwayBecauseTheClientStoppedAnsweringPingsIsAbnormal() {
    assertTrue(close(1001, true).abnormal());
  }

  @Test
  void anOpenedSessionCarriesNoCloseDetails() {
    LiveConnectivity opened = LiveConnectivity.opened("front-desk", "s2");
    assertTrue(opened.connected());
    assertFalse(opened.abnormal());
    assertEquals(0, opened.closeCode());
    assertEquals("", opened.closeReason());
  }
}
