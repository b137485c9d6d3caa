package org.avgym.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The notification channels on /metrics: every attempt's outcome per channel ({@code delivered},
 * {@code retried}: failed and tried again later, {@code failed}: the last attempt failed, {@code
 * refused}: not queued because the outbox was full), the outbox's backlog, and what went wrong
 * inside. Channel names are chosen by admins, a handful, so they make fit labels.
 */
@ApplicationScoped
public class NotificationMetrics {

  public static final String DELIVERED = "delivered";
  public static final String RETRIED = "retried";
  public static final String FAILED = "failed";
  public static final String REFUSED = "refused";

  static final Metadata DELIVERIES =
      Metadata.builder()
          .withName("avgym_notification_deliveries")
          .withDescription(
              "Notification attempts by channel and outcome (delivered, retried, failed, refused)")
          .build();
  static final Metadata PENDING =
      Metadata.builder()
          .withName("avgym_notification_pending")
          .withDescription("Notifications waiting in the durable outbox, all channels")
          .build();
  static final Metadata OLDEST =
      Metadata.builder()
          .withName("avgym_notification_oldest_pending_seconds")
          .withDescription("Age of the oldest notification waiting in the outbox")
          .withUnit("seconds")
          .build();
  static final Metadata FAILING =
      Metadata.builder()
          .withName("avgym_notification_failing_channels")
          .withDescription("Channels whose recent notifications all failed")
          .build();
  static final Metadata FAILURES =
      Metadata.builder()
          .withName("avgym_notification_failures")
          .withDescription("Notification work that failed inside AV Gym, by stage")
          .build();

  @Inject MetricRegistry registry;

  /** Registers the backlog gauges, read from {@code backlog}. */
  public void gauges(NotificationDispatcher backlog) {
    registry.gauge(PENDING, backlog, b -> b.backlog().pending());
    registry.gauge(OLDEST, backlog, b -> b.backlog().oldestSeconds());
    registry.gauge(FAILING, backlog, b -> b.failing().size());
  }

  public void counted(String channel, String outcome) {
    registry.counter(DELIVERIES, new Tag("channel", channel), new Tag("outcome", outcome)).inc();
  }

  public void failed(String stage) {
    registry.counter(FAILURES, new Tag("stage", stage)).inc();
  }
}
