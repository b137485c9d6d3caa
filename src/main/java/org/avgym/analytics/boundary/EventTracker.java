package org.avgym.analytics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.analytics.control.AnalyticsMetrics;
import org.avgym.analytics.control.FailureDigest;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Severity;
import org.avgym.analytics.entity.TrackedEvent;
import org.avgym.checkin.entity.CheckinRecorded;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.Decision;
import org.avgym.devices.entity.DeviceConnectivity;
import org.avgym.live.entity.LiveConnectivity;
import org.avgym.members.entity.MemberRegistered;
import org.avgym.members.entity.MembershipSold;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.platform.entity.Failure;
import org.avgym.platform.entity.ServerError;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.entity.ConnectionState;
import org.avgym.pools.entity.PoolChanged;
import org.avgym.pools.entity.PoolConnectionChanged;
import org.avgym.security.entity.LoginLocked;
import org.avgym.security.entity.StaffLogin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records what happened: keeps the newest events in memory for the live log and writes them to the
 * database in batches on the managed executor. Recording only appends to two bounded structures, so
 * it never holds up a device's answer; a full write queue drops the event from the database
 * (counted), and a failed write is counted and logged, never thrown to the caller.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EventTracker {

  private static final Logger LOG = Logger.getLogger(EventTracker.class.getName());

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService executor;

  @Inject AnalyticsStore store;
  @Inject AnalyticsMetrics metrics;

  @Inject
  @ConfigProperty(name = "avgym.analytics.events.in-memory", defaultValue = "10000")
  int inMemory;

  @Inject
  @ConfigProperty(name = "avgym.analytics.events.queue", defaultValue = "50000")
  int queueSize;

  @Inject
  @ConfigProperty(name = "avgym.analytics.events.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "avgym.analytics.events.flush-ms", defaultValue = "1000")
  long flushMs;

  @Inject
  @ConfigProperty(name = "avgym.analytics.errors.digest-seconds", defaultValue = "60")
  long digestSeconds;

  private final Deque<TrackedEvent> recent = new ArrayDeque<>();
  private FailureDigest digest;
  private BlockingQueue<TrackedEvent> pending;
  private final AtomicBoolean flushing = new AtomicBoolean();
  private ScheduledFuture<?> flusher;

  @PostConstruct
  void start() {
    pending = new ArrayBlockingQueue<>(queueSize);
    if (digestSeconds < 0) {
      throw new IllegalStateException(
          "avgym.analytics.errors.digest-seconds must be 0 or more, not " + digestSeconds);
    }
    digest = new FailureDigest(java.time.Duration.ofSeconds(digestSeconds), 10_000);
    flusher = executor.scheduleWithFixedDelay(this::flush, flushMs, flushMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (flusher != null) {
      flusher.cancel(false);
    }
    flush();
  }

  /** Records an event; never throws. */
  public void record(
      EventCategory category, String type, String source, Severity severity, String details) {
    try {
      TrackedEvent event =
          new TrackedEvent(Instant.now(), category, type, source, severity, details);
      synchronized (recent) {
        recent.addFirst(event);
        while (recent.size() > inMemory) {
          recent.removeLast();
        }
      }
      if (!pending.offer(event)) {
        metrics.dropped(1);
      } else if (pending.size() >= batchSize) {
        executor.execute(this::flush);
      }
    } catch (RuntimeException e) {
      metrics.failed("track");
      LOG.log(Level.WARNING, "Could not record an analytics event " + type, e);
    }
  }

  /** The newest events first, at most {@code limit}, of one category when it is not null. */
  public List<TrackedEvent> recent(EventCategory category, int limit) {
    List<TrackedEvent> result = new ArrayList<>();
    synchronized (recent) {
      Iterator<TrackedEvent> it = recent.iterator();
      while (it.hasNext() && result.size() < limit) {
        TrackedEvent event = it.next();
        if (category == null || event.category() == category) {
          result.add(event);
        }
      }
    }
    return result;
  }

  /** Writes what is pending, batch by batch; one writer at a time. */
  public void flush() {
    if (!flushing.compareAndSet(false, true)) {
      return;
    }
    try {
      List<TrackedEvent> batch = new ArrayList<>(batchSize);
      while (pending.drainTo(batch, batchSize) > 0) {
        try {
          store.persistEvents(batch);
          metrics.persisted(batch.size());
        } catch (RuntimeException e) {
          metrics.failed("persist-events");
          metrics.dropped(batch.size());
          LOG.log(Level.WARNING, "Could not persist " + batch.size() + " analytics events", e);
        }
        batch.clear();
      }
    } finally {
      flushing.set(false);
    }
  }

  public void onDevice(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceConnectivity connectivity) {
    record(
        EventCategory.CONNECTION,
        connectivity.online() ? "device.connected" : "device.disconnected",
        connectivity.device(),
        connectivity.online() ? Severity.INFO : Severity.WARNING,
        "location " + connectivity.location());
  }

  /** A live session opened or closed; fired synchronously by the endpoint, outside transactions. */
  public void onLive(@Observes LiveConnectivity live) {
    String details = "session " + live.sessionId();
    if (!live.connected()) {
      details +=
          String.format(
              Locale.ROOT,
              ", close %d%s, after %.1f s",
              live.closeCode(),
              live.closeReason().isEmpty() ? "" : " (" + live.closeReason() + ")",
              live.duration().toMillis() / 1000.0);
    }
    record(
        EventCategory.CONNECTION,
        live.connected() ? "live.connected" : "live.disconnected",
        live.who(),
        live.abnormal() ? Severity.WARNING : Severity.INFO,
        details);
  }

  public void onCheckin(@Observes(during = TransactionPhase.AFTER_SUCCESS) CheckinRecorded event) {
    CheckinResult result = event.result();
    if (result.replayed()) {
      return;
    }
    if (result.staffUser() != null) {
      record(
          EventCategory.USER,
          result.decision() == Decision.DENIED ? "checkin.manual-denied" : "checkin.override",
          result.staffUser(),
          Severity.INFO,
          describe(result));
    } else if (result.decision() == Decision.DENIED) {
      record(
          EventCategory.USER,
          "checkin.denied",
          result.device() == null ? result.location() : result.device(),
          Severity.INFO,
          describe(result));
    }
  }

  /** Sign-ups at the desk or through the API, named by the staff member who made them. */
  public void onSignUp(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) MemberRegistered registered) {
    record(
        EventCategory.USER,
        "member.signup",
        registered.staffUser(),
        Severity.INFO,
        "member " + registered.memberId() + " " + registered.name());
  }

  /** Sales, renewals and plan changes: membership.sale, membership.renewal, .plan_change. */
  public void onSale(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipSold sold) {
    record(
        EventCategory.USER,
        "membership." + sold.origin(),
        sold.staffUser(),
        Severity.INFO,
        "membership "
            + sold.membershipId()
            + " of member "
            + sold.memberId()
            + ": "
            + sold.plan()
            + " from "
            + sold.startsAt()
            + " to "
            + sold.endsAt());
  }

  public void onLogin(@Observes StaffLogin login) {
    record(
        EventCategory.USER,
        login.succeeded() ? "login" : "login.failed",
        login.user(),
        login.succeeded() ? Severity.INFO : Severity.WARNING,
        "from " + login.remoteAddress());
  }

  public void onLoginLocked(@Observes LoginLocked locked) {
    record(
        EventCategory.USER,
        "login.locked",
        locked.key(),
        Severity.WARNING,
        "logins for the "
            + locked.kind()
            + " refused for "
            + locked.lockedFor().toSeconds()
            + " s after too many failures");
  }

  /**
   * Failures no request answered with 500 ({@link Failure}): every one counted on /metrics, the
   * first of a kind and source per digest window recorded as an ERROR event (see {@link
   * FailureDigest}).
   */
  public void onFailure(@Observes Failure failure) {
    metrics.failure(failure.kind());
    FailureDigest.Verdict verdict =
        digest.offer(failure.kind(), String.valueOf(failure.source()), Instant.now());
    if (!verdict.record()) {
      return;
    }
    record(
        EventCategory.ERROR,
        failure.kind(),
        failure.source(),
        Failure.TIMER_FAILED.equals(failure.kind()) ? Severity.CRITICAL : Severity.WARNING,
        failure.detail()
            + (verdict.suppressed() == 0
                ? ""
                : " ("
                    + verdict.suppressed()
                    + " more like it in the last "
                    + digestSeconds
                    + " s)"));
  }

  public void onServerError(@Observes ServerError error) {
    record(
        EventCategory.ERROR,
        "server.error",
        "incident " + error.incident(),
        Severity.CRITICAL,
        error.stackTrace());
  }

  private static String describe(CheckinResult result) {
    return "checkin "
        + result.checkinId()
        + " at "
        + result.location()
        + " member "
        + (result.memberName() == null ? "unknown" : result.memberName())
        + " reasons "
        + result.reasons();
  }

  /** Pool configuration changes: a pool event, and a user event naming who made it. */
  public void onPoolChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PoolChanged change) {
    record(
        EventCategory.POOL,
        "pool." + change.kind(),
        change.name(),
        change.destroyed() ? Severity.WARNING : Severity.INFO,
        change.detail() + " by " + change.actor());
    record(
        EventCategory.USER,
        "pool.change",
        change.actor(),
        Severity.INFO,
        change.kind() + " pool " + change.name() + ": " + change.detail());
  }

  /**
   * Pool connection state changes: connected, disconnected, failed and reconnected are connection
   * events, ejection from rotation a warning, healthy and degraded quality changes performance
   * events.
   */
  public void onPoolConnection(@Observes PoolConnectionChanged change) {
    ConnectionState from = change.from();
    ConnectionState to = change.to();
    EventCategory category = EventCategory.CONNECTION;
    Severity severity = Severity.INFO;
    String type;
    if (to == ConnectionState.FAILED) {
      type = "pool.connection.failed";
      severity = Severity.CRITICAL;
    } else if (to == ConnectionState.RECONNECTING) {
      type = "pool.connection.disconnected";
      severity = Severity.WARNING;
    } else if (from == ConnectionState.RECONNECTING || from == ConnectionState.FAILED) {
      type = "pool.connection.reconnected"; // the socket is back; it must rise to rejoin
    } else if (to == ConnectionState.UNHEALTHY) {
      type = "pool.connection.ejected";
      severity = Severity.WARNING;
    } else if (from == ConnectionState.CONNECTING) {
      type = "pool.connection.connected";
    } else if (from == ConnectionState.UNHEALTHY) {
      type = "pool.connection.recovered";
    } else {
      category = EventCategory.PERFORMANCE;
      type = "pool.connection." + to.name().toLowerCase(Locale.ROOT);
      severity = to == ConnectionState.DEGRADED ? Severity.WARNING : Severity.INFO;
    }
    record(
        category,
        type,
        change.pool(),
        severity,
        PoolRules.shown(change.url())
            + " "
            + from.name().toLowerCase(Locale.ROOT)
            + " -> "
            + to.name().toLowerCase(Locale.ROOT));
  }
}
