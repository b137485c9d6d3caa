package org.avgym.dashboard.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AnalyticsViewTest {

  @Test
  void theChainZoneIsTheSettingsZoneTrimmed() {
    assertEquals(ZoneId.of("Asia/Tokyo"), AnalyticsView.chainZone(" Asia/Tokyo "));
    assertEquals(ZoneId.of("UTC"), AnalyticsView.chainZone("UTC"));
  }

  @Test
  void aBlankOrMistypedChainZoneCountsEachClubInItsOwnZone() {
    assertNull(AnalyticsView.chainZone(null));
    assertNull(AnalyticsView.chainZone("  "));
    assertNull(AnalyticsView.chainZone("Asia/Tokio"));
    assertNull(AnalyticsView.chainZone("+25:00"));
    assertNull(AnalyticsView.chainZone("Europe/../etc/passwd"));
  }
}
