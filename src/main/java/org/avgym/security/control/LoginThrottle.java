package org.avgym.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;
import org.avgym.security.entity.LoginLocked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows and then refuses repeated failed logins, per user name and per client address (PROTOCOL.md
 * §4), on the login page and for HTTP Basic alike. A key that must wait is refused before its
 * password is checked; see {@link Throttle} for the backoff and the lock. Per instance: in a
 * cluster of n instances a guesser gets at most n times the attempts.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
  static final int MAX_KEYS = 100_000;

  @Inject LoginMetrics metrics;
  @Inject Event<LoginLocked> locked;

  @Inject
  @ConfigProperty(name = "avgym.security.login.user.free-failures", defaultValue = "5")
  int userFree;

  @Inject
  @ConfigProperty(name = "avgym.security.login.user.lock-after", defaultValue = "10")
  int userLockAfter;

  @Inject
  @ConfigProperty(name = "avgym.security.login.address.free-failures", defaultValue = "20")
  int addressFree;

  @Inject
  @ConfigProperty(name = "avgym.security.login.address.lock-after", defaultValue = "100")
  int addressLockAfter;

  @Inject
  @ConfigProperty(name = "avgym.security.login.backoff-base-ms", defaultValue = "1000")
  long baseMs;

  @Inject
  @ConfigProperty(name = "avgym.security.login.backoff-max-seconds", defaultValue = "60")
  long maxSeconds;

  @Inject
  @ConfigProperty(name = "avgym.security.login.lock-seconds", defaultValue = "900")
  long lockSeconds;

  private Throttle users;
  private Throttle addresses;

  @PostConstruct
  void configure() {
    users = new Throttle(policy(userFree, userLockAfter), MAX_KEYS);
    addresses = new Throttle(policy(addressFree, addressLockAfter), MAX_KEYS);
  }

  private Throttle.Policy policy(int free, int lockAfter) {
    Duration lock = Duration.ofSeconds(lockSeconds);
    return new Throttle.Policy(
        free, lockAfter, Duration.ofMillis(baseMs), Duration.ofSeconds(maxSeconds), lock, lock);
  }

  /**
   * How long this attempt must wait; zero when it may go ahead. A refused attempt is counted
   * ({@code avgym_login_throttled_total}), not recorded as a failure.
   */
  public Duration refusal(String user, String address, String channel) {
    long now = System.nanoTime();
    Duration byUser = user == null ? Duration.ZERO : users.waiting(key(user), now);
    Duration byAddress = addresses.waiting(address, now);
    Duration wait = byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    if (!wait.isZero()) {
      metrics.throttled(channel);
    }
    return wait;
  }

  public void failed(String user, String address) {
    long now = System.nanoTime();
    if (user != null && !user.isBlank()) {
      Throttle.Outcome outcome = users.failed(key(user), now);
      if (outcome.locked()) {
        lock("user", user, outcome);
      }
    }
    Throttle.Outcome outcome = addresses.failed(address, now);
    if (outcome.locked()) {
      lock("address", address, outcome);
    }
  }

  /** A correct password: the user name's failures are forgotten (the address's are not). */
  public void succeeded(String user) {
    users.succeeded(key(user));
  }

  private void lock(String kind, String key, Throttle.Outcome outcome) {
    String shown = key.length() > 64 ? key.substring(0, 64) : key;
    LOG.warning(
        () ->
            "Locked logins for the "
                + kind
                + " '"
                + shown.replaceAll("[^\\p{Graph} ]", "?")
                + "' for "
                + outcome.delay().toSeconds()
                + " s after "
                + outcome.failures()
                + " failures");
    metrics.locked(kind);
    locked.fire(new LoginLocked(kind, shown, outcome.delay(), Instant.now()));
  }

  private static String key(String user) {
    return user.trim().toLowerCase(Locale.ROOT);
  }
}
