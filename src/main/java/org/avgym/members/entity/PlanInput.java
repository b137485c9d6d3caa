package org.avgym.members.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A membership plan as administrators configure it. {@code allowedHours} defaults to always ({@code
 * *}); {@code allowedLocations} lists location codes, none meaning every location.
 */
public record PlanInput(
    @NotBlank @Size(max = 128) String name,
    @NotNull @Min(1) @Max(3660) Integer durationDays,
    @Size(max = 512) String allowedHours,
    @Size(max = 100) List<@NotNull @Size(max = 32) String> allowedLocations,
    Boolean active) {}
