package org.avgym.checkin.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A check-in entered by staff at the desk. {@code reason} is required: it is recorded with the
 * staff user. {@code override} admits someone the rules deny (recorded as warned, every reason
 * kept). {@code requestId} makes a retry safe: the same id answers with the original result.
 */
public record ManualCheckin(
    @NotNull @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be a location code")
        String location,
    @NotNull
        @Pattern(
            regexp = "[^\\p{Cntrl}]{1,128}",
            message = "credential must be 1 to 128 printable characters")
        String credential,
    @Pattern(regexp = "(?i)in|out", message = "must be in or out") String direction,
    @NotBlank @Size(min = 1, max = 512) String reason,
    Boolean override,
    @Size(min = 1, max = 64) String requestId) {}
