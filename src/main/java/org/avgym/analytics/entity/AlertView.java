package org.avgym.analytics.entity;

import java.time.Instant;

/** An alert as the API and the Analytics tab show it. */
public record AlertView(
    Long id,
    String rule,
    String subject,
    Severity severity,
    AlertState state,
    double value,
    Instant firedAt,
    Instant resolvedAt,
    String acknowledgedBy,
    Instant acknowledgedAt) {

  public boolean isAcknowledged() {
    return acknowledgedBy != null;
  }
}
