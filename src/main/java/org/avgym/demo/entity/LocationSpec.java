package org.avgym.demo.entity;

/** A demo location as it will be created; {@code hours} is the WeeklyHours text form. */
public record LocationSpec(String code, String name, String zone, int capacity, String hours) {}
