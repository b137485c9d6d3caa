package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void remembersAVerifiedPasswordCaseInsensitivelyByName() {
    CredentialCache cache = new CredentialCache();
    cache.remember("Ana", "secret-password", Set.of("STAFF"), now);
    assertEquals(
        Optional.of(Set.of("STAFF")), cache.groupsIfVerified("ana", "secret-password", now));
  }

  @Test
  void neverAcceptsAnotherPassword() {
    CredentialCache cache = new CredentialCache();
    cache.remember("ana", "secret-password", Set.of("STAFF"), now);
    assertTrue(cache.groupsIfVerified("ana", "secret-passwore", now).isEmpty());
    assertTrue(cache.groupsIfVerified("ana", "", now).isEmpty());
  }

  @Test
  void forgetsAfterItsTimeToLive() {
    CredentialCache cache = new CredentialCache();
    cache.remember("ana", "secret-password", Set.of("STAFF"), now);
    Instant later = now.plus(CredentialCache.TTL).plusSeconds(1);
    assertTrue(cache.groupsIfVerified("ana", "secret-password", later).isEmpty());
  }

  @Test
  void evictionForgetsAtOnce() {
    CredentialCache cache = new CredentialCache();
    cache.remember("ana", "secret-password", Set.of("ADMIN", "STAFF"), now);
    cache.evict("ANA");
    assertTrue(cache.groupsIfVerified("ana", "secret-password", now).isEmpty());
  }

  @Test
  void generatedPasswordsHaveTheAskedLengthAndDiffer() {
    String a = Passwords.generate(20);
    String b = Passwords.generate(20);
    assertEquals(20, a.length());
    assertTrue(!a.equals(b));
    assertTrue(a.chars().allMatch(Character::isLetterOrDigit));
  }
}
