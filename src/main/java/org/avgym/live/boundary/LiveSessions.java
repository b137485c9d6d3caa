package org.avgym.live.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.avgym.devices.entity.DeviceRevoked;
import org.avgym.platform.boundary.AppExecutors;
import org.avgym.security.entity.ApiTokenRevoked;
import org.avgym.security.entity.StaffAccessChanged;
import org.avgym.security.entity.TokenCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who holds which live session (PROTOCOL.md §2): a staff user, a device (signage) or an API token.
 * Bounds the sessions one of them may hold at once, and closes their sessions with 1008 when the
 * user is disabled, demoted or given a new password, the device is disabled or its token rotated,
 * or the API token is revoked or expires.
 */
@ApplicationScoped
public class LiveSessions {

  private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

  /**
   * The holder of a live session: a staff user by name, a device by id, or an API token by id with
   * the topics it may subscribe to (empty: all).
   */
  public record Owner(String name, Long deviceId, Long tokenId, Set<String> topics) {
    static Owner staff(String name) {
      return new Owner(name, null, null, Set.of());
    }

    static Owner device(String code, long id) {
      return new Owner(code, id, null, Set.of());
    }

    static Owner token(TokenCaller token) {
      return new Owner(token.principal(), null, token.id(), Set.copyOf(token.topics()));
    }

    boolean isDevice() {
      return deviceId != null;
    }

    boolean isToken() {
      return tokenId != null;
    }

    String key() {
      return isDevice()
          ? "device:" + deviceId
          : isToken() ? "token:" + tokenId : "staff:" + name.toLowerCase(Locale.ROOT);
    }
  }

  private record Held(Session session, Owner owner) {}

  @Resource(lookup = AppExecutors.WORK)
  ManagedExecutorService closer;

  @Resource(lookup = AppExecutors.SCHEDULED)
  ManagedScheduledExecutorService expiry;

  @Inject
  @ConfigProperty(name = "avgym.live.max-sessions-per-user", defaultValue = "20")
  int maxPerOwner;

  private final Map<String, Held> sessions = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();

  /** Records the session; false (and nothing recorded) when its owner already holds the most. */
  public synchronized boolean admit(Session session, Owner owner) {
    long held = sessions.values().stream().filter(h -> h.owner().key().equals(owner.key())).count();
    if (held >= maxPerOwner) {
      return false;
    }
    sessions.put(session.getId(), new Held(session, owner));
    return true;
  }

  public void remove(Session session) {
    sessions.remove(session.getId());
    ScheduledFuture<?> timer = expiries.remove(session.getId());
    if (timer != null) {
      timer.cancel(false);
    }
  }

  void staffChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessChanged change) {
    closeWhere(
        o -> !o.isDevice() && !o.isToken() && o.name().equalsIgnoreCase(change.username()),
        "access changed",
        change.why());
  }

  void deviceRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceRevoked revoked) {
    closeWhere(o -> o.isDevice() && o.deviceId() == revoked.deviceId(), "revoked", revoked.why());
  }

  void tokenRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiTokenRevoked revoked) {
    closeWhere(o -> o.isToken() && o.tokenId() == revoked.tokenId(), "revoked", revoked.why());
  }

  /**
   * A token's session ends when the token expires, as any request with it would be refused; the
   * timer goes with the session ({@link #remove}).
   */
  void closeAtExpiry(Session session, Owner owner, Instant expiresAt) {
    long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
    expiries.put(
        session.getId(),
        expiry.schedule(
            () -> {
              expiries.remove(session.getId());
              if (sessions.remove(session.getId()) != null) {
                LOG.info(
                    () -> "Closing the live session of " + owner.name() + ": the token expired");
                close(session, "token expired");
              }
            },
            delay,
            TimeUnit.MILLISECONDS));
  }

  private void closeWhere(Predicate<Owner> whose, String reason, String why) {
    for (Held held : sessions.values()) {
      if (whose.test(held.owner())) {
        sessions.remove(held.session().getId());
        LOG.info(() -> "Closing the live session of " + held.owner().name() + ": " + why);
        // A client that stopped reading can block a close: never on the committing thread.
        closer.execute(() -> close(held.session(), reason));
      }
    }
  }

  private static void close(Session session, String reason) {
    LiveEndpoint.closing(session, reason);
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
      }
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "Could not close a live session: " + e.getMessage());
    }
  }
}
