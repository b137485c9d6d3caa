package org.avgym.analytics.entity;

/** An alert rule as the API shows it. {@code hysteresis} is a fraction of the threshold. */
public record AlertRuleView(
    Long id,
    String name,
    String metric,
    Comparison comparison,
    double threshold,
    long durationSeconds,
    Severity severity,
    double hysteresis,
    boolean enabled,
    boolean builtIn) {}
