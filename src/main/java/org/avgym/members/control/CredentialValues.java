package org.avgym.members.control;

import java.security.SecureRandom;
import java.util.Locale;
import org.avgym.members.entity.Credential;

/**
 * Values for credentials issued without one: the kind, a dash and twelve random letters and digits
 * ({@code CARD-7K2M9QX4TB3W}), easy to read aloud and print, with about 62 bits of randomness so
 * that a value cannot be guessed from another.
 */
public final class CredentialValues {

  static final int RANDOM_LENGTH = 12;

  // No 0/O or 1/I: staff read these values off cards and type them.
  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CredentialValues() {}

  public static String generate(Credential.Kind kind) {
    StringBuilder value = new StringBuilder(kind.name().toUpperCase(Locale.ROOT)).append('-');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      value.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return value.toString();
  }
}
