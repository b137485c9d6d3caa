package org.avgym.analytics.entity;

import java.time.Instant;

/** A roll-up row as the API and the tabs show it. */
public record RollupView(
    Period period,
    Instant start,
    String metric,
    String subject,
    long count,
    double sum,
    double min,
    double max,
    double avg,
    double p95) {}
