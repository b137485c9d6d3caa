package org.avgym.security.entity;

import java.time.Instant;

/** A staff user as the API shows it: never the password hash. */
public record StaffUserView(
    long id,
    String username,
    String displayName,
    Role role,
    boolean enabled,
    Instant createdAt,
    Instant lastLoginAt) {

  public static StaffUserView of(StaffUser user) {
    return new StaffUserView(
        user.getId(),
        user.getUsername(),
        user.getDisplayName(),
        user.getRole(),
        user.isEnabled(),
        user.getCreatedAt(),
        user.getLastLoginAt());
  }
}
