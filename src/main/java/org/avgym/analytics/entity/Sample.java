package org.avgym.analytics.entity;

import java.time.Instant;

/**
 * One metric value at one sampling instant. {@code subject} is a location code, a pool or device
 * name, or {@code ""} for the whole instance.
 */
public record Sample(Instant at, String metric, String subject, double value) {

  public static final String INSTANCE = "";
}
