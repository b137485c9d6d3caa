package org.avgym.checkin.entity;

import java.time.Instant;

/**
 * Which check-ins to list; every part is optional. {@code from} is inclusive, {@code to} exclusive.
 */
public record CheckinQuery(
    Long locationId, Long memberId, Instant from, Instant to, Decision decision) {}
