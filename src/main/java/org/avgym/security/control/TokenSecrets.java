package org.avgym.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API token secrets: {@code avk_} and 43 base64url characters (256 random bits). So much entropy
 * needs no slow hash: a SHA-256 of the secret is what is stored and looked up.
 */
public final class TokenSecrets {

  public static final String PREFIX = "avk_";
  static final Pattern SHAPE = Pattern.compile("avk_[A-Za-z0-9_-]{43}");

  /** How much of a secret the admin page shows to tell tokens apart. */
  static final int SHOWN = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a bearer value is meant as an API token (else it may be a device's token). */
  public static boolean isApiToken(String bearer) {
    return bearer != null && bearer.startsWith(PREFIX);
  }

  public static boolean wellFormed(String secret) {
    return secret != null && SHAPE.matcher(secret).matches();
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String shown(String secret) {
    return secret.substring(0, Math.min(SHOWN, secret.length()));
  }
}
