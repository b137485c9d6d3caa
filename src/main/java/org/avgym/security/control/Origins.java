package org.avgym.security.control;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The same-origin check against cross-site request forgery and cross-site WebSocket hijacking: a
 * browser sends its page's Origin with every WebSocket handshake and every state-changing request,
 * and one that rides on a session cookie (or remembered Basic credentials) must come from this
 * site's own pages, from the configured public URL, or from an origin the operator allowed.
 */
public final class Origins {

  private Origins() {}

  /** True when a request from {@code origin} to {@code host} (its Host header) may proceed. */
  public static boolean allowed(String origin, String host, Set<String> allowedOrigins) {
    if (origin == null || origin.isBlank()) {
      // Not a browser: a cookie cannot have been sent on someone else's behalf.
      return true;
    }
    if (allowedOrigins.contains(normalize(origin))) {
      return true;
    }
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getHost() == null || host == null || host.isBlank()) {
        return false;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
      String requestHost = host.trim().toLowerCase(Locale.ROOT);
      String originHost = uri.getHost().toLowerCase(Locale.ROOT);
      return requestHost.equals(originHost + ":" + port)
          || (requestHost.equals(originHost) && port == defaultPort(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The allowed origins: a comma-separated list from configuration plus the origin of the public
   * URL (behind a proxy the Host header may not be the public name).
   */
  public static Set<String> allowedSet(String configured, String publicUrl) {
    Set<String> origins = new HashSet<>();
    Arrays.stream(configured == null ? new String[0] : configured.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Origins::normalize)
        .forEach(origins::add);
    String own = of(publicUrl);
    if (own != null) {
      origins.add(own);
    }
    return Set.copyOf(origins);
  }

  /** The origin ({@code scheme://host[:port]}) of a URL such as a Referer, or null. */
  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return normalize(
          uri.getScheme()
              + "://"
              + uri.getHost()
              + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String normalize(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
