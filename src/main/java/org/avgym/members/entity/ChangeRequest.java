package org.avgym.members.entity;

import jakarta.validation.constraints.Size;

/**
 * A renewal or plan change over the API: the plan of the new membership (a renewal without one
 * keeps the plan) and when it starts (ISO-8601 instant; a renewal defaults to the end of the
 * membership it renews, or now when that has passed; a plan change to now).
 */
public record ChangeRequest(Long planId, @Size(max = 64) String startsAt) {}
