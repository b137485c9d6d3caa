package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheLifetimesTest {

  private final CacheLifetimes lifetimes = new CacheLifetimes(31_536_000, 86_400);

  @Test
  void keepsAVersionedResourceForAYearWithoutAskingAgain() {
    assertEquals(
        "public, max-age=31536000, immutable", lifetimes.forResource("ln=primefaces&v=15.0.13"));
    assertEquals("public, max-age=31536000, immutable", lifetimes.forResource("v=0123abcd"));
  }

  @Test
  void keepsAnUnversionedResourceOnlyForADay() {
    assertEquals("public, max-age=86400", lifetimes.forResource(null));
    assertEquals("public, max-age=86400", lifetimes.forResource("ln=primefaces"));
    assertEquals("public, max-age=86400", lifetimes.forResource("v="));
    assertEquals("public, max-age=86400", lifetimes.forResource("version=2&xv=3"));
  }

  @Test
  void treatsOnlyResourceFoldersAndTheIconAsStatic() {
    assertTrue(CacheLifetimes.isStatic("/jakarta.faces.resource/core.js.xhtml"));
    assertTrue(CacheLifetimes.isStatic("/resources/avgym/avgym.css"));
    assertTrue(CacheLifetimes.isStatic("/favicon.ico"));
    assertFalse(CacheLifetimes.isStatic("/index.xhtml"));
    assertFalse(CacheLifetimes.isStatic("/api/members"));
    assertFalse(CacheLifetimes.isStatic("/favicon.ico.xhtml"));
    assertFalse(CacheLifetimes.isStatic("/"));
  }

  @Test
  void refusesANegativeLifetime() {
    assertThrows(IllegalArgumentException.class, () -> new CacheLifetimes(-1, 60));
  }

  @Test
  void versionChangesWithTheContentOnly() throws IOException {
    String a = ContentVersion.of(stream("body { color: red; }"));
    assertEquals(a, ContentVersion.of(stream("body { color: red; }")));
    assertNotEquals(a, ContentVersion.of(stream("body { color: blue; }")));
    assertEquals(12, a.length());
    assertEquals(12, ContentVersion.of(stream("")).length());
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
