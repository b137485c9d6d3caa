package org.avgym.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short version of a file's content: the same bytes give the same version, others another. */
public final class ContentVersion {

  /** Hex digits kept of the SHA-256: 48 bits, ample to tell a few dozen files' builds apart. */
  private static final int LENGTH = 12;

  private ContentVersion() {}

  /** Reads {@code in} to its end and returns the version of what it read. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      digest.update(buffer, 0, read);
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, LENGTH);
  }
}
