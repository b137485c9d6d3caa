package org.avgym.notify.entity;

import java.time.Instant;

/**
 * One notification of one channel: what it is about, where it stands, and its last attempt's answer
 * ({@code lastStatus} is the webhook's HTTP status; {@code lastError} a short reason).
 */
public record DeliveryView(
    Long id,
    String channel,
    Long alertId,
    String kind,
    DeliveryState state,
    int attempts,
    int maxAttempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant finishedAt) {}
