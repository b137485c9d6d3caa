package org.avgym.notify.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.avgym.analytics.entity.Severity;
import org.junit.jupiter.api.Test;

class NotificationChannelTest {

  private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
  private static final String KEY = "a-signing-key-1234WXYZ";

  private static NotificationChannel channel(Severity min, List<String> rules, boolean enabled) {
    return new NotificationChannel(
        new ChannelSettings(
            "ops",
            ChannelKind.WEBHOOK,
            "https://example.com/h?token=abc&x",
            KEY,
            min,
            rules,
            enabled),
        "admin",
        AT);
  }

  @Test
  void wantsAlertsFromItsSeverityUpAndOfItsRules() {
    NotificationChannel all = channel(Severity.WARNING, List.of(), true);
    assertFalse(all.wants("occupancy-high", Severity.INFO));
    assertTrue(all.wants("occupancy-high", Severity.WARNING));
    assertTrue(all.wants("server-errors", Severity.CRITICAL));
    NotificationChannel some = channel(Severity.INFO, List.of("server-errors"), true);
    assertTrue(some.wants("server-errors", Severity.CRITICAL));
    assertFalse(some.wants("pool-health-low", Severity.CRITICAL));
    assertFalse(channel(Severity.INFO, List.of(), false).wants("server-errors", Severity.CRITICAL));
  }

  @Test
  void showsTheKeyAndTheQueryValuesMasked() {
    ChannelView view = channel(Severity.INFO, List.of(), true).view();
    assertEquals("…WXYZ", view.secret());
    assertEquals("https://example.com/h?token=…&x", view.target());
    assertEquals("admin", view.createdBy());
  }

  @Test
  void anUpdateWithoutAKeyKeepsItAndEmailHasNone() {
    NotificationChannel channel = channel(Severity.INFO, List.of(), true);
    channel.apply(
        new ChannelSettings(
            "ops",
            ChannelKind.WEBHOOK,
            "https://example.com/",
            null,
            Severity.INFO,
            List.of(),
            true));
    assertEquals(KEY, channel.getSecret());
    channel.apply(
        new ChannelSettings(
            "ops", ChannelKind.EMAIL, "a@example.com", null, Severity.INFO, List.of(), true));
    assertNull(channel.getSecret());
    assertNull(channel.view().secret());
  }

  @Test
  void anEmailIsDeliveredWithoutAnHttpStatus() {
    NotificationDelivery delivery =
        new NotificationDelivery(
            channel(Severity.INFO, List.of(), true), 7L, "alert.firing", "{}", 3, AT);
    delivery.delivered(null, AT);
    assertEquals(DeliveryState.DELIVERED, delivery.getState());
    assertNull(delivery.view().lastStatus());
  }

  @Test
  void retriesUntilTheLastAttemptThenFails() {
    NotificationDelivery delivery =
        new NotificationDelivery(
            channel(Severity.INFO, List.of(), true), 7L, "alert.firing", "{}", 3, AT);
    assertFalse(delivery.attemptFailed(500, "HTTP 500", Duration.ofSeconds(5), AT));
    assertEquals(DeliveryState.PENDING, delivery.getState());
    assertEquals(AT.plusSeconds(5), delivery.view().nextAttemptAt());
    assertFalse(delivery.attemptFailed(null, "x".repeat(1_000), Duration.ofSeconds(10), AT));
    assertEquals(256, delivery.view().lastError().length());
    assertTrue(delivery.attemptFailed(500, "HTTP 500", Duration.ofSeconds(20), AT.plusSeconds(20)));
    assertEquals(DeliveryState.FAILED, delivery.getState());
    assertEquals(3, delivery.getAttempts());
    assertEquals(AT.plusSeconds(20), delivery.view().finishedAt());
  }
}
