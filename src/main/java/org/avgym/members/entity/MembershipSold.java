package org.avgym.members.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A membership was sold, renewed or moved to another plan; fired in the transaction, so observers
 * that record it use {@code during = AFTER_SUCCESS}. {@code origin} is sale, renewal or
 * plan_change.
 */
public record MembershipSold(
    long membershipId,
    long memberId,
    String origin,
    String plan,
    Instant startsAt,
    Instant endsAt,
    String staffUser)
    implements Serializable {}
