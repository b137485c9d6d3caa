package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenSecretsTest {

  @Test
  void secretsAreLongRandomAndRecognisable() {
    String one = TokenSecrets.generate();
    String two = TokenSecrets.generate();
    assertNotEquals(one, two);
    assertEquals(47, one.length());
    assertTrue(TokenSecrets.isApiToken(one));
    assertTrue(TokenSecrets.wellFormed(one));
    assertEquals(one.substring(0, 12), TokenSecrets.shown(one));
  }

  @Test
  void onlyTheHashIsKeptAndItIsStable() {
    String secret = TokenSecrets.generate();
    String hash = TokenSecrets.hash(secret);
    assertEquals(64, hash.length());
    assertEquals(hash, TokenSecrets.hash(secret));
    assertFalse(hash.contains(secret.substring(4)));
    assertNotEquals(hash, TokenSecrets.hash(secret + "x"));
  }

  @Test
  void deviceTokensAndMalformedValuesAreNotApiTokens() {
    assertFalse(TokenSecrets.isApiToken("dvc_abc"));
    assertFalse(TokenSecrets.isApiToken(null));
    assertFalse(TokenSecrets.wellFormed("avk_short"));
    assertFalse(TokenSecrets.wellFormed("avk_" + "a".repeat(42) + "!"));
    assertFalse(TokenSecrets.wellFormed(null));
  }
}
