package org.avgym.members.entity;

import jakarta.validation.constraints.Size;

/** Why a membership is cancelled; logged with the staff user who did it. */
public record CancelRequest(@Size(max = 512) String reason) {}
