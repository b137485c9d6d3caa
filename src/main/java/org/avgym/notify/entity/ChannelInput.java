package org.avgym.notify.entity;

import java.util.List;

/**
 * A channel as an admin sends it. Strings rather than enums, so that a wrong value is refused
 * naming its field instead of as unreadable JSON.
 *
 * @param kind {@code WEBHOOK} (default) or {@code EMAIL}
 * @param target the webhook URL, or comma-separated e-mail addresses
 * @param secret the webhook's signing key; generated when left out on creation, kept when left out
 *     on an update
 * @param minSeverity the least severe alert sent: {@code INFO}, {@code WARNING} (default) or {@code
 *     CRITICAL}
 * @param rules the alert rules whose alerts are sent; empty or null: every rule
 */
public record ChannelInput(
    String name,
    String kind,
    String target,
    String secret,
    String minSeverity,
    List<String> rules,
    Boolean enabled) {}
