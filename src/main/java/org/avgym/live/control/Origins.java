package org.avgym.live.control;

import java.net.URI;
import java.util.Set;

/**
 * The cross-site WebSocket hijacking check: a browser sends its page's Origin with every WebSocket
 * handshake, and a handshake that rides on a session cookie must come from this site's own pages or
 * from an origin the operator allowed.
 */
public final class Origins {

  private Origins() {}

  /** True when a cookie-authenticated handshake from {@code origin} may proceed. */
  public static boolean allowed(String origin, String host, Set<String> allowedOrigins) {
    if (origin == null || origin.isBlank()) {
      // Not a browser: a cookie cannot have been sent on someone else's behalf.
      return true;
    }
    if (allowedOrigins.contains(origin.trim())) {
      return true;
    }
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getHost() == null || host == null || host.isBlank()) {
        return false;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
      String requestHost = host.trim().toLowerCase();
      String originHost = uri.getHost().toLowerCase();
      return requestHost.equals(originHost + ":" + port)
          || (requestHost.equals(originHost) && port == defaultPort(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
