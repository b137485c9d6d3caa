package org.avgym.security.control;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for throttling and logs. The TCP peer, unless it is one of the
 * operator's reverse proxies ({@code avgym.security.trusted-proxies}): then the last address in
 * {@code X-Forwarded-For} that is not a trusted proxy. Without trusted proxies the header is
 * ignored, so a client cannot choose the address it is throttled by.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static Set<String> proxies(String configured) {
    return Arrays.stream(configured == null ? new String[0] : configured.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops =
        Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return peer;
  }
}
