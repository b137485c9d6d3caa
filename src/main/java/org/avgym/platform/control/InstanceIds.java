package org.avgym.platform.control;

import java.util.Optional;

/**
 * How an instance names itself when several share one database (a Payara cluster): the configured
 * {@code avgym.instance.id} if there is one; otherwise the host name and the HTTP port the run
 * command was given ({@code AVGYM_HTTP_PORT}); otherwise the host name and Payara's instance name
 * (the cluster instance's name on Payara Server). Each part is stable across restarts, unlike
 * Payara Micro's generated instance names.
 */
public final class InstanceIds {

  public static final String KEY = "avgym.instance.id";

  /** The column holding it is this wide. */
  public static final int MAX_LENGTH = 64;

  private InstanceIds() {}

  public static String resolve(
      Optional<String> configured,
      Optional<String> httpPort,
      Optional<String> payaraInstance,
      String hostName) {
    Optional<String> given = configured.map(String::trim).filter(s -> !s.isEmpty());
    if (given.isPresent()) {
      if (given.get().length() > MAX_LENGTH) {
        throw new IllegalArgumentException(
            KEY + " must be at most " + MAX_LENGTH + " characters, was " + given.get().length());
      }
      return given.get();
    }
    String host = hostName == null || hostName.isBlank() ? "localhost" : hostName.trim();
    String id =
        httpPort
            .or(() -> payaraInstance)
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> host + ":" + s)
            .orElse(host);
    return id.length() <= MAX_LENGTH ? id : id.substring(id.length() - MAX_LENGTH);
  }
}
