package org.avgym.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.avgym.security.entity.StaffAccessChanged;

/**
 * Remembers recently verified API credentials for a short time, so that HTTP Basic clients do not
 * pay a full PBKDF2 verification on every request. Only a salted SHA-256 of the password is kept,
 * in memory; a change to the user evicts it. Bounded: past its size it is cleared.
 */
@ApplicationScoped
public class CredentialCache {

  static final Duration TTL = Duration.ofMinutes(5);
  static final int MAX_ENTRIES = 10_000;

  private final byte[] salt = new byte[32];
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  record Entry(byte[] digest, Set<String> groups, Instant expires) {}

  public CredentialCache() {
    new SecureRandom().nextBytes(salt);
  }

  public Optional<Set<String>> groupsIfVerified(String username, String password, Instant now) {
    Entry entry = entries.get(key(username));
    if (entry == null || now.isAfter(entry.expires())) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.digest(), digest(password))
        ? Optional.of(entry.groups())
        : Optional.empty();
  }

  public void remember(String username, String password, Set<String> groups, Instant now) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(key(username), new Entry(digest(password), Set.copyOf(groups), now.plus(TTL)));
  }

  public void evict(String username) {
    entries.remove(key(username));
  }

  /** A disabled user, a new role or password: the remembered credentials are no longer valid. */
  void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessChanged change) {
    evict(change.username());
  }

  private static String key(String username) {
    return username.toLowerCase(java.util.Locale.ROOT);
  }

  private byte[] digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
