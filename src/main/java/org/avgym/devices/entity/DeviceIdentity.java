package org.avgym.devices.entity;

import java.io.Serializable;

/** Who is on the other end of a device session. */
public record DeviceIdentity(
    long id, String code, String name, long locationId, String locationCode)
    implements Serializable {}
