package org.avgym.security.entity;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as the API and the admin page show it: never its secret or hash; {@code prefix} is
 * the secret's first characters, for telling tokens apart. Empty {@code resources} or {@code
 * topics} mean everything the role allows. {@code state} is {@code active}, {@code expired} or
 * {@code revoked}.
 */
public record ApiTokenView(
    long id,
    String name,
    String prefix,
    Role role,
    Set<String> resources,
    Set<String> topics,
    String state,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    String lastUsedAddress) {}
