package org.avgym.members.entity;

import jakarta.validation.constraints.Size;

/**
 * A freeze from {@code from} (default now) until {@code until} (exclusive; open-ended if absent).
 */
public record FreezeRequest(
    @Size(max = 64) String from, @Size(max = 64) String until, @Size(max = 256) String reason) {}
