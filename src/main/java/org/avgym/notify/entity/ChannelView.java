package org.avgym.notify.entity;

import java.time.Instant;
import java.util.List;

/**
 * A channel as the API and the admin page show it. {@code secret} is the signing key in clear only
 * in the answer that created (or changed) it; everywhere else it is masked to its last characters,
 * and {@code target} has the values of its query parameters masked.
 */
public record ChannelView(
    Long id,
    String name,
    ChannelKind kind,
    String target,
    String secret,
    String minSeverity,
    List<String> rules,
    boolean enabled,
    Instant createdAt,
    String createdBy) {

  /** This view with the signing key in clear, for the one answer that shows it. */
  public ChannelView withSecret(String clear) {
    return new ChannelView(
        id, name, kind, target, clear, minSeverity, rules, enabled, createdAt, createdBy);
  }
}
