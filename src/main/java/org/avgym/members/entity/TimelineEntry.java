package org.avgym.members.entity;

import java.time.Instant;

/**
 * One change in a member's history: when ({@code at}; null when the database does not record the
 * moment, as for a credential's block), what kind ({@code member}, {@code membership}, {@code
 * credential}), and what happened, in words.
 */
public record TimelineEntry(Instant at, String kind, String title, String detail) {}
