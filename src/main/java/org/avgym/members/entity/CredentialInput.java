package org.avgym.members.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A credential to issue: its kind (card, qr, nfc) and value, 1 to 128 printable characters without
 * spaces; a value is generated when none is given.
 */
public record CredentialInput(
    @NotNull @Pattern(regexp = "(?i)card|qr|nfc", message = "must be card, qr or nfc") String kind,
    @Pattern(regexp = "\\p{Graph}{1,128}", message = "1 to 128 printable characters, no spaces")
        String value) {}
