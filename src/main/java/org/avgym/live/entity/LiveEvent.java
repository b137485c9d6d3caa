package org.avgym.live.entity;

/**
 * One published event: its topic sequence number within the stream's epoch, a global order across
 * topics, the time it was published (for age-bounded history and delivery lag), and its frame,
 * serialized once for every subscriber.
 */
public record LiveEvent(
    Topic topic, long seq, long order, long publishedNanos, long publishedMillis, String frame) {}
