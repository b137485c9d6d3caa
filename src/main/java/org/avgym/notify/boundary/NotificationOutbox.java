package org.avgym.notify.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.avgym.analytics.entity.AlertNotice;
import org.avgym.notify.control.Attempt;
import org.avgym.notify.control.NotificationBody;
import org.avgym.notify.entity.ClaimedDelivery;
import org.avgym.notify.entity.DeliveryState;
import org.avgym.notify.entity.DeliveryView;
import org.avgym.notify.entity.NotificationChannel;
import org.avgym.notify.entity.NotificationDelivery;
import org.avgym.platform.control.Refusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable outbox of notifications. An alert's notifications are written in the transaction that
 * stores the alert (the {@link AlertNotice} is fired there), so each fired or resolved alert is
 * queued exactly once however many instances evaluate the rules. Instances claim due rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and push their next attempt past a lease, so no two send
 * the same row at once, and a row whose sender died is sent again once its lease has run out.
 */
@Stateless
public class NotificationOutbox {

  private static final Logger LOG = Logger.getLogger(NotificationOutbox.class.getName());

  @PersistenceContext EntityManager em;
  @Inject NotificationMetrics metrics;
  @Inject Retries retries;

  /** Notifications waiting to be sent, all channels together, beyond which new ones are refused. */
  @Inject
  @ConfigProperty(name = "avgym.notify.outbox-limit", defaultValue = "10000")
  int limit;

  /** In the alert's transaction: one row per enabled channel that wants this rule and severity. */
  public void onAlert(@Observes AlertNotice notice) {
    List<NotificationChannel> wanting =
        em
            .createQuery("select c from NotificationChannel c", NotificationChannel.class)
            .getResultList()
            .stream()
            .filter(c -> c.wants(notice.rule(), notice.severity()))
            .toList();
    if (wanting.isEmpty()) {
      return;
    }
    String body = NotificationBody.of(notice);
    long room = limit - pending();
    Instant now = Instant.now();
    for (NotificationChannel channel : wanting) {
      if (room-- <= 0) {
        metrics.counted(channel.getName(), NotificationMetrics.REFUSED);
        LOG.warning(
            () ->
                "Notification outbox full ("
                    + limit
                    + " waiting): "
                    + notice.kind()
                    + " of "
                    + notice.rule()
                    + " not queued for "
                    + channel.describe());
        continue;
      }
      em.persist(
          new NotificationDelivery(
              channel,
              notice.alertId(),
              notice.kind(),
              body,
              retries.schedule().maxAttempts(),
              now));
    }
  }

  /**
   * Queues a test notification for one channel, in a transaction of its own so the sender sees it
   * at once; a single attempt, whose outcome is the test's answer.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public DeliveryView test(long channelId, String user) {
    NotificationChannel managed = em.find(NotificationChannel.class, channelId);
    if (managed == null) {
      throw Refusal.notFound("No notification channel " + channelId);
    }
    Instant now = Instant.now();
    NotificationDelivery delivery =
        new NotificationDelivery(
            managed,
            null,
            NotificationBody.TEST_KIND,
            NotificationBody.test(managed.getName(), user, now),
            1,
            now);
    em.persist(delivery);
    em.flush();
    return delivery.view();
  }

  public long pending() {
    return em.createQuery(
            "select count(d) from NotificationDelivery d where d.state = :pending", Long.class)
        .setParameter("pending", DeliveryState.PENDING)
        .getSingleResult();
  }

  /**
   * Claims up to {@code max} due notifications for {@code lease}: their next attempt moves past the
   * lease, so another instance takes them only if this one never reports back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<ClaimedDelivery> claim(int max, Duration lease) {
    Instant now = Instant.now();
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM notification_delivery WHERE state = 'PENDING'"
                    + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2"
                    + " FOR UPDATE SKIP LOCKED") // rows another instance holds are not waited for
            .setParameter(1, now)
            .setParameter(2, max)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> keys = ids.stream().map(id -> ((Number) id).longValue()).toList();
    List<ClaimedDelivery> claimed = new ArrayList<>();
    for (NotificationDelivery delivery :
        em.createQuery(
                "select d from NotificationDelivery d join fetch d.channel where d.id in :ids"
                    + " order by d.id",
                NotificationDelivery.class)
            .setParameter("ids", keys)
            .getResultList()) {
      delivery.claimUntil(now.plus(lease));
      NotificationChannel channel = delivery.getChannel();
      claimed.add(
          new ClaimedDelivery(
              delivery.getId(),
              channel.getName(),
              channel.getKind(),
              channel.getTarget(),
              channel.getSecret(),
              delivery.getPayload(),
              delivery.getAttempts()));
    }
    return claimed;
  }

  /**
   * Records an attempt's outcome: delivered, retried later by the schedule, or failed for good;
   * empty when the row is gone (its channel was deleted meanwhile).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<DeliveryView> finish(long id, Attempt attempt) {
    NotificationDelivery delivery = em.find(NotificationDelivery.class, id);
    if (delivery == null || delivery.getState() != DeliveryState.PENDING) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (attempt.delivered()) {
      delivery.delivered(attempt.status(), now);
    } else {
      delivery.attemptFailed(
          attempt.status(),
          attempt.error(),
          retries.schedule().delayAfter(delivery.getAttempts() + 1),
          now);
    }
    return Optional.of(delivery.view());
  }

  public Optional<DeliveryView> delivery(long id) {
    return Optional.ofNullable(em.find(NotificationDelivery.class, id))
        .map(NotificationDelivery::view);
  }

  /** The newest notifications of a channel first. */
  public List<DeliveryView> recent(long channel, int max) {
    return em
        .createQuery(
            "select d from NotificationDelivery d join fetch d.channel c where c.id = :channel"
                + " order by d.id desc",
            NotificationDelivery.class)
        .setParameter("channel", channel)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(NotificationDelivery::view)
        .toList();
  }

  /** How many waiting, and the age of the oldest of them (0 when none), in database rows. */
  public record Backlog(long pending, double oldestSeconds) {}

  public Backlog backlog() {
    Object[] row =
        (Object[])
            em.createQuery(
                    "select count(d), min(d.createdAt) from NotificationDelivery d"
                        + " where d.state = :pending")
                .setParameter("pending", DeliveryState.PENDING)
                .getSingleResult();
    long count = ((Number) row[0]).longValue();
    Instant oldest = (Instant) row[1];
    double age =
        oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1e3);
    return new Backlog(count, age);
  }

  /** Channels whose notifications finished since {@code since} all failed: name → failures. */
  public Map<String, Long> failingSince(Instant since) {
    Map<String, long[]> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select c.name, d.state, count(d) from NotificationDelivery d join d.channel c"
                    + " where d.finishedAt >= :since group by c.name, d.state",
                Object[].class)
            .setParameter("since", since)
            .getResultList()) {
      long[] tally = counts.computeIfAbsent((String) row[0], n -> new long[2]);
      tally[row[1] == DeliveryState.DELIVERED ? 0 : 1] += ((Number) row[2]).longValue();
    }
    Map<String, Long> failing = new TreeMap<>();
    counts.forEach(
        (name, tally) -> {
          if (tally[0] == 0 && tally[1] > 0) {
            failing.put(name, tally[1]);
          }
        });
    return failing;
  }

  /** Deletes finished notifications older than {@code before}; how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int trim(Instant before) {
    return em.createQuery(
            "delete from NotificationDelivery d where d.state <> :pending and d.finishedAt < :before")
        .setParameter("pending", DeliveryState.PENDING)
        .setParameter("before", before)
        .executeUpdate();
  }
}
