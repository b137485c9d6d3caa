package org.avgym.members.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A member's details as staff enter them; {@code status} (active, inactive) only on change. {@code
 * version}, when given on a change, is the version the editor started from: a change made from an
 * older version is refused as a conflict instead of overwriting someone else's edit.
 */
public record MemberInput(
    @NotBlank @Size(max = 128) String name,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = "[0-9+()./ -]{3,32}", message = "3 to 32 digits, spaces or +()./-")
        String phone,
    @Size(max = 512)
        @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL")
        String photoUrl,
    @Pattern(regexp = "(?i)active|inactive", message = "must be active or inactive") String status,
    Long version) {}
