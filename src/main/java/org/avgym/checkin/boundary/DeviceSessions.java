package org.avgym.checkin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.checkin.control.TokenBucket;
import org.avgym.devices.entity.DeviceConnectivity;
import org.avgym.devices.entity.DeviceIdentity;
import org.avgym.devices.entity.DeviceRevoked;
import org.avgym.platform.boundary.AppExecutors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The open device sessions: server heartbeats (a WebSocket ping every heartbeat period; a session
 * from which nothing at all, frame or pong, arrived for two periods is closed), closing a device's
 * sessions when it is disabled or its token rotated, and every close logged and counted by reason
 * ({@code avgym_device_disconnects_total{reason}}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeviceSessions {

  private static final Logger LOG = Logger.getLogger(DeviceSessions.class.getName());
  static final String LAST_HEARD = "avgym.lastHeard";

  /** Why the server closed a session, kept on the session until its close is counted. */
  static final String CLOSED_BY = "avgym.closedBy";

  /** A ping that could not go out now is tried again after this long, this many times. */
  static final long PING_RETRY_MS = 200;

  static final int PING_RETRIES = 5;

  static final Metadata DISCONNECTS =
      Metadata.builder()
          .withName("avgym_device_disconnects")
          .withDescription(
              "Device sessions closed, by reason: heartbeat, replaced, revoked, flood, too_big,"
                  + " ping_failed (the server closed them), client (the device did), abnormal (the"
                  + " connection broke)")
          .build();

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService scheduler;

  @Resource(lookup = AppExecutors.WORK)
  ManagedExecutorService workers;

  @Inject Event<DeviceConnectivity> connectivity;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.devices.heartbeat-seconds", defaultValue = "25")
  int heartbeatSeconds;

  private final Map<Long, Set<Session>> byDevice = new ConcurrentHashMap<>();
  private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
  private ScheduledFuture<?> heartbeat;

  /** The gauge of open device sessions, by the name analytics' sampler reads it. */
  public static final String SESSIONS_METRIC = "avgym_device_sessions";

  @PostConstruct
  void start() {
    metrics.gauge(
        Metadata.builder()
            .withName(SESSIONS_METRIC)
            .withDescription("Open device sessions")
            .build(),
        this::count);
    heartbeat =
        scheduler.scheduleAtFixedRate(
            this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }

  public void opened(DeviceIdentity device, Session session) {
    heard(session);
    Set<Session> sessions =
        byDevice.computeIfAbsent(device.id(), id -> ConcurrentHashMap.newKeySet());
    sessions.add(session);
    if (sessions.size() == 1) {
      announce(device, true);
    }
    // One session per device (PROTOCOL.md §1): the newest wins, so a device that reconnects after
    // a half-open socket is served at once. The older ones are closed off this thread.
    for (Session older : sessions) {
      if (older != session) {
        workers.execute(
            () -> close(older, CloseReason.CloseCodes.VIOLATED_POLICY, "replaced", "replaced"));
      }
    }
  }

  /**
   * The device's rate bucket, shared by its sessions over time: reconnecting does not refill it.
   * One per registered device that connected since start-up.
   */
  public TokenBucket bucket(long deviceId, Supplier<TokenBucket> fresh) {
    return buckets.computeIfAbsent(deviceId, id -> fresh.get());
  }

  /** A session of {@code device} closed, with {@code reason} as the container reports it. */
  public void closed(DeviceIdentity device, Session session, CloseReason reason) {
    Object closedBy = session.getUserProperties().get(CLOSED_BY);
    String why;
    if (closedBy != null) {
      why = closedBy.toString();
    } else if (reason.getCloseCode().getCode() == CloseReason.CloseCodes.TOO_BIG.getCode()) {
      why = "too_big"; // the container refused a message over the limit
    } else if (reason.getCloseCode().getCode()
        == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()) {
      why = "abnormal";
      LOG.info(() -> "Device " + device.code() + ": its connection broke");
    } else {
      why = "client";
      LOG.fine(() -> "Device " + device.code() + " disconnected: " + reason.getReasonPhrase());
    }
    metrics.counter(DISCONNECTS, new Tag("reason", why)).inc();
    Set<Session> sessions = byDevice.get(device.id());
    if (sessions != null) {
      sessions.remove(session);
      if (sessions.isEmpty() && byDevice.remove(device.id(), sessions)) {
        announce(device, false);
      }
    }
  }

  private void announce(DeviceIdentity device, boolean online) {
    try {
      connectivity.fire(
          new DeviceConnectivity(device.code(), device.locationCode(), online, Instant.now()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not announce device " + device.code() + " connectivity", e);
    }
  }

  /** Anything arrived on the session (a frame or a pong): it is alive. */
  public void heard(Session session) {
    session.getUserProperties().put(LAST_HEARD, System.nanoTime());
  }

  public int count() {
    return byDevice.values().stream().mapToInt(Set::size).sum();
  }

  /** The devices with an open session on this instance. */
  public Set<Long> connectedDevices() {
    return Set.copyOf(byDevice.keySet());
  }

  public boolean online(long deviceId) {
    Set<Session> sessions = byDevice.get(deviceId);
    return sessions != null && !sessions.isEmpty();
  }

  public void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceRevoked revoked) {
    Set<Session> sessions = byDevice.getOrDefault(revoked.deviceId(), Set.of());
    for (Session session : Set.copyOf(sessions)) {
      LOG.info(() -> "Device " + revoked.code() + " revoked (" + revoked.why() + ")");
      close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "revoked", "revoked");
    }
  }

  private void beat() {
    long silentLimit = TimeUnit.SECONDS.toNanos(2L * heartbeatSeconds);
    long now = System.nanoTime();
    for (Set<Session> sessions : byDevice.values()) {
      for (Session session : sessions) {
        Object last = session.getUserProperties().get(LAST_HEARD);
        if (last instanceof Long heard && now - heard > silentLimit) {
          workers.execute(
              () -> close(session, CloseReason.CloseCodes.GOING_AWAY, "no heartbeat", "heartbeat"));
          continue;
        }
        // A ping to a device that stopped reading can block: never on the scheduler's thread.
        workers.execute(() -> ping(session, PING_RETRIES));
      }
    }
  }

  /**
   * Pings under the session's lock, the one its answers are sent under, so a ping never collides
   * with a frame being written; one refused all the same is tried again shortly, never skipped.
   */
  private void ping(Session session, int retries) {
    try {
      synchronized (session) {
        if (session.isOpen()) {
          session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
        }
      }
    } catch (IOException e) {
      close(session, CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed", "ping_failed");
    } catch (IllegalStateException e) {
      if (retries > 0) {
        scheduler.schedule(
            () -> workers.execute(() -> ping(session, retries - 1)),
            PING_RETRY_MS,
            TimeUnit.MILLISECONDS);
      } else {
        LOG.warning(() -> "A device session refused " + PING_RETRIES + " pings in a row");
      }
    }
  }

  /**
   * Closes a session from the server's side: logged with the device and the reason, counted under
   * {@code why} when the close arrives.
   */
  public void close(Session session, CloseReason.CloseCode code, String phrase, String why) {
    session.getUserProperties().putIfAbsent(CLOSED_BY, why);
    Object identity = session.getUserProperties().get(DeviceEndpoint.IDENTITY);
    String device = identity instanceof DeviceIdentity d ? d.code() : "(not signed in)";
    LOG.info(() -> "Closing the session of device " + device + ": " + phrase);
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(code, phrase));
      }
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Closing a device session failed: " + e.getMessage());
    }
  }
}
