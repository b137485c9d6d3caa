package org.avgym.security.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Too many failed logins: a user name or a client address is refused for a while. Fired for
 * analytics and alerts.
 *
 * @param kind {@code user} or {@code address}
 * @param key the user name as typed, or the address
 */
public record LoginLocked(String kind, String key, Duration lockedFor, Instant at)
    implements Serializable {}
