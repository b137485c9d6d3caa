package org.avgym.members.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A membership to start: the plan and the start (ISO-8601 instant; default now). */
public record NewMembership(@NotNull Long planId, @Size(max = 64) String startsAt) {}
