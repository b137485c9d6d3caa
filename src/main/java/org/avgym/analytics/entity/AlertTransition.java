package org.avgym.analytics.entity;

import java.time.Instant;

/**
 * An alert starting or ending for one subject (a location code, a pool name, a device), as
 * published on the alerts topic and recorded as an event.
 */
public record AlertTransition(
    AlertRule rule, String subject, AlertState state, double value, Instant at) {}
