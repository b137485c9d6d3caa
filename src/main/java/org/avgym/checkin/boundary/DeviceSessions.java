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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The open device sessions: server heartbeats (a WebSocket ping every heartbeat period; a session
 * that answered none for two periods is closed), and closing a device's sessions when it is
 * disabled or its token rotated.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeviceSessions {

  private static final Logger LOG = Logger.getLogger(DeviceSessions.class.getName());
  static final String LAST_PONG = "avgym.lastPong";

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService workers;
  @Inject Event<DeviceConnectivity> connectivity;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "avgym.devices.heartbeat-seconds", defaultValue = "25")
  int heartbeatSeconds;

  private final Map<Long, Set<Session>> byDevice = new ConcurrentHashMap<>();
  private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();
  private ScheduledFuture<?> heartbeat;

  @PostConstruct
  void start() {
    metrics.gauge(
        Metadata.builder()
            .withName("avgym_device_sessions")
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
    session.getUserProperties().put(LAST_PONG, System.nanoTime());
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
        LOG.info(() -> "Device " + device.code() + " opened a new session: closing its older one");
        workers.execute(
            () ->
                close(older, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "replaced")));
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

  public void closed(DeviceIdentity device, Session session) {
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

  public void ponged(Session session) {
    session.getUserProperties().put(LAST_PONG, System.nanoTime());
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
      LOG.info(() -> "Closing the session of device " + revoked.code() + ": " + revoked.why());
      close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "revoked"));
    }
  }

  private void beat() {
    long silentLimit = TimeUnit.SECONDS.toNanos(2L * heartbeatSeconds);
    long now = System.nanoTime();
    for (Set<Session> sessions : byDevice.values()) {
      for (Session session : sessions) {
        Object last = session.getUserProperties().get(LAST_PONG);
        if (last instanceof Long pong && now - pong > silentLimit) {
          workers.execute(
              () ->
                  close(
                      session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no heartbeat")));
          continue;
        }
        // A ping to a device that stopped reading can block: never on the scheduler's thread.
        workers.execute(() -> ping(session));
      }
    }
  }

  private static void ping(Session session) {
    try {
      session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
    } catch (IOException e) {
      close(session, new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed"));
    } catch (IllegalStateException e) {
      // a frame is being written right now: the session is alive; ping next time
    }
  }

  private static void close(Session session, CloseReason reason) {
    try {
      if (session.isOpen()) {
        session.close(reason);
      }
    } catch (IOException | IllegalStateException e) {
      LOG.fine(() -> "Closing a device session failed: " + e.getMessage());
    }
  }
}
