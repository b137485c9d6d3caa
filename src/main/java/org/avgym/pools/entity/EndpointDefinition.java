package org.avgym.pools.entity;

/** One endpoint as the supervisor runs it. */
public record EndpointDefinition(String url, int weight, boolean enabled) {}
