package org.avgym.notify.entity;

/**
 * A notification an instance has claimed to send now: everything sending needs, read in the claim's
 * transaction, so that no database connection is held while a webhook or mail server answers.
 */
public record ClaimedDelivery(
    long id,
    String channel,
    ChannelKind kind,
    String target,
    String secret,
    String payload,
    int attempts) {}
