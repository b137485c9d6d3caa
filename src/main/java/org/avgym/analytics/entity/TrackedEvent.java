package org.avgym.analytics.entity;

import java.time.Instant;

/** Something that happened, as kept in memory for the live log and written to the database. */
public record TrackedEvent(
    Instant at,
    EventCategory category,
    String type,
    String source,
    Severity severity,
    String details) {}
