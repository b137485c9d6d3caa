package org.avgym.locations.entity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

/**
 * A location as staff configure it. {@code code} is required to create one and, when given, must
 * match the location being changed; the time zone and opening hours are read by the boundary.
 */
public record LocationInput(
    @NotNull(groups = Creation.class)
        @Pattern(regexp = "[a-z0-9-]{2,32}", message = "2 to 32 lower-case letters, digits or -")
        String code,
    @NotBlank @Size(max = 128) String name,
    @NotBlank @Size(max = 64) String timeZone,
    @NotNull @Min(0) Integer capacity,
    @Size(max = 512) String openingHours,
    Boolean closed) {

  /** The checks for creating a location: every default check, and a code is required. */
  public interface Creation extends Default {}
}
