package org.avgym.devices.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device tokens: 32 random bytes, URL-safe. Stored as SHA-256 only; a fast hash is right here
 * because a token has 256 bits of entropy (unlike a password, it cannot be guessed from a
 * dictionary), and every device message must be authenticated cheaply.
 */
public final class DeviceTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final String PREFIX = "avd_";

  private DeviceTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Cheap shape check before any database look-up. */
  public static boolean plausible(String token) {
    return token != null && token.length() >= 16 && token.length() <= 128;
  }
}
