package org.avgym.devices.entity;

import java.io.Serializable;
import java.time.Instant;

/** A device's first session opened ({@code online}) or its last one closed. */
public record DeviceConnectivity(String device, String location, boolean online, Instant at)
    implements Serializable {}
