package org.avgym.devices.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** A device as the API shows it; {@code token} is present only in the answer that issued it. */
@JsonbNillable(false)
public record DeviceView(
    long id,
    String code,
    String name,
    String location,
    String kind,
    boolean enabled,
    Instant lastSeenAt,
    Instant createdAt,
    String token) {

  public static DeviceView of(Device device, String token) {
    return new DeviceView(
        device.getId(),
        device.getCode(),
        device.getName(),
        device.getLocation().getCode(),
        device.getKind().name().toLowerCase(),
        device.isEnabled(),
        device.getLastSeenAt(),
        device.getCreatedAt(),
        token);
  }
}
