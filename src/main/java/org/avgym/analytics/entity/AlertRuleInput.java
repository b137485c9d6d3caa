package org.avgym.analytics.entity;

/**
 * An alert rule as an admin sends it. Strings rather than enums and boxed numbers, so that a wrong
 * value is refused naming its field instead of as unreadable JSON.
 */
public record AlertRuleInput(
    String name,
    String metric,
    String comparison,
    Double threshold,
    Long durationSeconds,
    String severity,
    Double hysteresis,
    Boolean enabled) {}
