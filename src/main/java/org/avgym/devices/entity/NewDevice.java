package org.avgym.devices.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A device to register: its code, name, the location code where it stands, and its kind. */
public record NewDevice(
    @NotNull
        @Pattern(regexp = "[a-z0-9-]{2,64}", message = "2 to 64 lower-case letters, digits or -")
        String code,
    @NotBlank @Size(max = 128) String name,
    @NotNull @Size(max = 32) String location,
    @NotNull
        @Pattern(regexp = "(?i)kiosk|turnstile|desk", message = "must be kiosk, turnstile or desk")
        String kind) {}
