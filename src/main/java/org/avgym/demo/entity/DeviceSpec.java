package org.avgym.demo.entity;

/** A demo device; {@code kind} is a {@code Device.Kind} name. */
public record DeviceSpec(String code, String name, String location, String kind) {}
