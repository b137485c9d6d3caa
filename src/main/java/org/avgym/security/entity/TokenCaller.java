package org.avgym.security.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who calls with an API token: what its scopes allow. Empty {@code resources} or {@code topics}
 * mean everything the role allows.
 */
public record TokenCaller(
    long id, String name, Role role, Set<String> resources, Set<String> topics, Instant expiresAt)
    implements Serializable {

  /** The caller principal's name: set apart from staff user names, which cannot contain ':'. */
  public String principal() {
    return "token:" + name;
  }
}
