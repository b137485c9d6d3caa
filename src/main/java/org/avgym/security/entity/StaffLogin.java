package org.avgym.security.entity;

import java.io.Serializable;
import java.time.Instant;

/** A dashboard login attempt, fired for analytics; {@code user} is as typed when refused. */
public record StaffLogin(String user, boolean succeeded, String remoteAddress, Instant at)
    implements Serializable {}
