package org.avgym.live.control;

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
}
