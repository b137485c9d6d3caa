package org.avgym.devices.entity;

import org.avgym.platform.entity.ClusterWide;

/** A device was disabled or its token rotated: its open sessions must end. */
public record DeviceRevoked(long deviceId, String code, String why) implements ClusterWide {}
