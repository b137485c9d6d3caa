package org.avgym.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.avgym.analytics.entity.AlertNotice;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.Comparison;
import org.avgym.analytics.entity.Severity;
import org.junit.jupiter.api.Test;

class NotificationBodyTest {

  private static final AlertRule RULE =
      AlertRule.of(
          "pool-health-low", "poolHealth", Comparison.BELOW, 50, Duration.ZERO, Severity.WARNING);
  private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void carriesTheAlertAsPublishedPlusAChatLine() {
    AlertNotice notice =
        AlertNotice.of(new AlertTransition(RULE, "doors", AlertState.FIRING, 20, AT), 42);
    JsonObject body = parse(NotificationBody.of(notice));
    JsonObject published = notice.json();
    for (String field : published.keySet()) {
      assertEquals(published.get(field), body.get(field), field);
    }
    assertEquals("alert.firing", body.getString("kind"));
    assertEquals("warning", body.getString("severity"));
    assertEquals(42, body.getInt("alertId"));
    assertEquals(
        "[AV Gym] WARNING: pool-health-low for doors fired: poolHealth = 20.0",
        body.getString("text"));
  }

  @Test
  void saysWhenAnAlertResolved() {
    AlertNotice notice =
        AlertNotice.of(new AlertTransition(RULE, "", AlertState.RESOLVED, 80, AT), 42);
    assertEquals(
        "[AV Gym] WARNING resolved: pool-health-low resolved: poolHealth = 80.0",
        NotificationBody.text(notice));
  }

  @Test
  void aTestNamesItsChannelAndSender() {
    JsonObject body = parse(NotificationBody.test("ops-chat", "admin", AT));
    assertEquals(NotificationBody.TEST_KIND, body.getString("kind"));
    assertEquals(
        "[AV Gym] Test notification of channel ops-chat (by admin)", body.getString("text"));
    assertEquals(body.getString("text"), NotificationBody.textOf(body));
  }
}
