package org.avgym.demo.entity;

import java.util.Set;

/** A demo membership plan; an empty {@code locations} set means every location. */
public record PlanSpec(String name, int durationDays, String hours, Set<String> locations) {}
