package org.avgym.notify.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.notify.control.Attempt;
import org.avgym.notify.control.WebhookPoster;
import org.avgym.notify.entity.ChannelKind;
import org.avgym.notify.entity.ClaimedDelivery;
import org.avgym.notify.entity.DeliveryState;
import org.avgym.notify.entity.DeliveryView;
import org.avgym.platform.boundary.AppExecutors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds: every poll interval it claims the due notifications and sends them
 * one after another on the notifications' own managed executor, then records each outcome. Runs on
 * every instance; the claim decides which sends what. Every {@code stats} interval it also reads
 * the backlog and the failing channels for /metrics and readiness, and deletes old finished rows.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {

  private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

  @Resource(lookup = AppExecutors.NOTIFY)
  ManagedScheduledExecutorService executor;

  /** The HTTP client's own work (reading answers) waits on nothing of ours: the shared pool. */
  @Resource(lookup = AppExecutors.WORK)
  ManagedExecutorService work;

  @Inject NotificationOutbox outbox;
  @Inject NotificationMetrics metrics;
  @Inject MailSessions mail;

  @Inject
  @ConfigProperty(name = "avgym.notify.poll-ms", defaultValue = "1000")
  long pollMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.batch", defaultValue = "20")
  int batch;

  @Inject
  @ConfigProperty(name = "avgym.notify.connect-timeout-ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.request-timeout-ms", defaultValue = "10000")
  long requestTimeoutMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.stats-interval-ms", defaultValue = "10000")
  long statsIntervalMs;

  @Inject
  @ConfigProperty(name = "avgym.notify.failing-window-minutes", defaultValue = "60")
  long failingWindowMinutes;

  @Inject
  @ConfigProperty(name = "avgym.notify.keep-days", defaultValue = "7")
  long keepDays;

  private WebhookPoster webhooks;
  private ScheduledFuture<?> rounds;
  private final AtomicBoolean sending = new AtomicBoolean();
  private volatile NotificationOutbox.Backlog backlog = new NotificationOutbox.Backlog(0, 0);
  private volatile Map<String, Long> failing = Map.of();
  private volatile Instant lastStats = Instant.EPOCH;

  @PostConstruct
  void start() {
    webhooks =
        new WebhookPoster(
            Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(requestTimeoutMs), work);
    metrics.gauges(this);
    rounds = executor.scheduleWithFixedDelay(this::round, pollMs, pollMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (rounds != null) {
      rounds.cancel(false);
    }
  }

  /** Runs a round now (a test notification was queued) rather than at the next interval. */
  public void kick() {
    executor.execute(this::round);
  }

  /** One round: claims, sends and records; one round at a time on this instance. */
  void round() {
    if (!sending.compareAndSet(false, true)) {
      return;
    }
    try {
      List<ClaimedDelivery> due = outbox.claim(batch, lease());
      for (ClaimedDelivery delivery : due) {
        send(delivery);
      }
      Instant now = Instant.now();
      if (Duration.between(lastStats, now).toMillis() >= statsIntervalMs || !due.isEmpty()) {
        lastStats = now;
        stats(now);
      }
    } catch (RuntimeException e) {
      metrics.failed("claim");
      LOG.log(Level.WARNING, "Could not claim notifications to send", e);
    } finally {
      sending.set(false);
    }
  }

  /**
   * Long enough for every claimed notification to time out one after the other, so a claim never
   * runs out while its sender is still working on it.
   */
  private Duration lease() {
    return Duration.ofMillis((long) batch * (connectTimeoutMs + requestTimeoutMs) + pollMs);
  }

  private void send(ClaimedDelivery delivery) {
    Attempt attempt;
    try {
      attempt =
          delivery.kind() == ChannelKind.WEBHOOK
              ? webhooks.post(
                  delivery.target(),
                  delivery.secret(),
                  delivery.id(),
                  delivery.payload(),
                  Instant.now())
              : mail.send(delivery.target(), delivery.id(), delivery.payload());
    } catch (RuntimeException | LinkageError e) {
      // a LinkageError too (a mail provider missing from the server): thrown on, it would end
      // the scheduled rounds for good
      LOG.log(Level.WARNING, "Could not send notification " + delivery.id(), e);
      attempt = Attempt.failed(null, "could not send: " + e);
    }
    try {
      Optional<DeliveryView> finished = outbox.finish(delivery.id(), attempt);
      finished.ifPresent(view -> counted(delivery, view));
    } catch (RuntimeException e) {
      metrics.failed("finish");
      LOG.log(
          Level.WARNING,
          "Could not record the outcome of notification "
              + delivery.id()
              + " to "
              + delivery.channel()
              + "; it is sent again once its claim runs out",
          e);
    }
  }

  private void counted(ClaimedDelivery delivery, DeliveryView view) {
    String outcome =
        switch (view.state()) {
          case DELIVERED -> NotificationMetrics.DELIVERED;
          case FAILED -> NotificationMetrics.FAILED;
          case PENDING -> NotificationMetrics.RETRIED;
        };
    metrics.counted(delivery.channel(), outcome);
    if (view.state() != DeliveryState.DELIVERED) {
      Level level = view.state() == DeliveryState.FAILED ? Level.WARNING : Level.INFO;
      LOG.log(
          level,
          () ->
              "Notification "
                  + view.id()
                  + " ("
                  + view.kind()
                  + ") to channel "
                  + delivery.channel()
                  + ", attempt "
                  + view.attempts()
                  + " of "
                  + view.maxAttempts()
                  + ": "
                  + view.lastError()
                  + (view.state() == DeliveryState.FAILED ? "; given up" : "; will retry"));
    }
  }

  private void stats(Instant now) {
    try {
      backlog = outbox.backlog();
      failing = outbox.failingSince(now.minus(Duration.ofMinutes(failingWindowMinutes)));
      outbox.trim(now.minus(Duration.ofDays(keepDays)));
    } catch (RuntimeException e) {
      metrics.failed("stats");
      LOG.log(Level.WARNING, "Could not read the notification backlog", e);
    }
  }

  public NotificationOutbox.Backlog backlog() {
    return backlog;
  }

  /** Channels whose recent notifications all failed, with how many failed. */
  public Map<String, Long> failing() {
    return failing;
  }
}
