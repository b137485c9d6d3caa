package org.avgym.checkin.entity;

import java.time.Instant;

/** A well-formed message from a device, after validation. */
public sealed interface DeviceMessage {

  String id();

  record Scan(String id, String credential, Direction direction, String method, Instant at)
      implements DeviceMessage {}

  record Ping(String id) implements DeviceMessage {}
}
