package org.avgym.analytics.entity;

import java.time.Instant;

/**
 * One metric value at one sampling instant. {@code subject} is a location code, a pool or device
 * name, or {@code ""} for the whole instance; {@code instance} is the id of the instance that took
 * it ({@code avgym.instance.id}).
 */
public record Sample(Instant at, String metric, String subject, double value, String instance) {

  public static final String INSTANCE = "";
}
