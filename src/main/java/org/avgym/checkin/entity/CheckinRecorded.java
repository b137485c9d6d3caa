package org.avgym.checkin.entity;

import java.io.Serializable;

/**
 * Fired inside the check-in transaction; observers use {@code during = AFTER_SUCCESS}, so they see
 * only committed check-ins and never hold up the device's answer. {@code committedNanos} is {@link
 * System#nanoTime()} at the decision, for delivery-lag metrics.
 */
public record CheckinRecorded(CheckinResult result, long locationId, long decidedNanos)
    implements Serializable {}
