package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

  @Test
  void sameOriginIsAllowed() {
    assertTrue(Origins.allowed("http://localhost:8080", "localhost:8080", Set.of()));
    assertTrue(Origins.allowed("https://gym.example", "gym.example", Set.of()));
    assertTrue(Origins.allowed("https://gym.example", "gym.example:443", Set.of()));
  }

  @Test
  void foreignOriginIsRefusedUnlessConfigured() {
    assertFalse(Origins.allowed("http://evil.example", "localhost:8080", Set.of()));
    assertFalse(Origins.allowed("http://localhost:9999", "localhost:8080", Set.of()));
    assertTrue(
        Origins.allowed(
            "https://signage.example", "localhost:8080", Set.of("https://signage.example")));
  }

  @Test
  void garbageOriginIsRefusedAndNoOriginMeansNoBrowser() {
    assertFalse(Origins.allowed("::not a uri::", "localhost:8080", Set.of()));
    assertFalse(Origins.allowed("null", "localhost:8080", Set.of()));
    assertTrue(Origins.allowed(null, "localhost:8080", Set.of()));
  }

  @Test
  void thePublicUrlAndConfiguredOriginsAreAllowedAsOrigins() {
    var allowed = Origins.allowedSet(" https://Signage.example/ , ", "https://gym.example/app/");
    assertTrue(allowed.contains("https://signage.example"));
    assertTrue(allowed.contains("https://gym.example"));
    assertTrue(Origins.allowed("https://gym.example", "10.0.0.5:8080", allowed));
    assertFalse(Origins.allowed("https://evil.example", "10.0.0.5:8080", allowed));
  }

  @Test
  void aRefererGivesItsOrigin() {
    assertTrue("http://localhost:8080".equals(Origins.of("http://localhost:8080/index.xhtml?x=1")));
    assertTrue(Origins.of("not a url") == null);
    assertTrue(Origins.of(null) == null);
  }
}
