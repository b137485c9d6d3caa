package org.avgym.checkin.entity;

import java.time.Instant;

/** A member's stay at a location; {@code out} is absent while they are inside. */
public record VisitView(long id, String location, Instant in, Instant out, String closedBy) {}
