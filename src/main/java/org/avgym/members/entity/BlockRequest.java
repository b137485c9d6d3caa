package org.avgym.members.entity;

import jakarta.validation.constraints.Pattern;

/** Why a credential stops working: lost or blocked (default blocked). */
public record BlockRequest(
    @Pattern(regexp = "(?i)lost|blocked", message = "must be lost or blocked") String status) {}
