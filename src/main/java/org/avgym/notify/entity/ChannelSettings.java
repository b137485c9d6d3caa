package org.avgym.notify.entity;

import java.util.List;
import org.avgym.analytics.entity.Severity;

/**
 * A channel's settings once checked ({@code ChannelRules}); {@code secret} is null for e-mail and
 * when an update keeps the stored one.
 */
public record ChannelSettings(
    String name,
    ChannelKind kind,
    String target,
    String secret,
    Severity minSeverity,
    List<String> rules,
    boolean enabled) {}
