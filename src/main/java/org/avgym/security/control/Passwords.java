package org.avgym.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies staff passwords with PBKDF2; generates strong one-time passwords. Each hash
 * costs tens of milliseconds of one core on purpose, so at most {@code
 * avgym.security.hash-concurrency} run at once (default: half the cores, at least one): a flood of
 * bogus logins cannot take the cores that check-ins need. A caller that finds no free slot within
 * {@code avgym.security.hash-wait-ms} gets {@link Busy}.
 */
@ApplicationScoped
public class Passwords {

  /** Every password check slot stayed taken for the whole wait: try again in a moment. */
  public static class Busy extends RuntimeException {
    public Busy() {
      super("every password check is busy", null, false, false);
    }
  }

  @Inject
  @ConfigProperty(name = "avgym.security.hash-concurrency", defaultValue = "0")
  int concurrency;

  @Inject
  @ConfigProperty(name = "avgym.security.hash-wait-ms", defaultValue = "1000")
  long waitMs;

  private Semaphore slots;

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    int permits =
        concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    slots = new Semaphore(permits, true);
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "120000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    acquire();
    try {
      return hash.generate(password.toCharArray());
    } finally {
      slots.release();
    }
  }

  public boolean verify(String password, String storedHash) {
    if (storedHash == null) {
      return false;
    }
    acquire();
    try {
      return hash.verify(password.toCharArray(), storedHash);
    } finally {
      slots.release();
    }
  }

  private void acquire() {
    try {
      if (!slots.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
        throw new Busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    }
  }

  public static String generate(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
