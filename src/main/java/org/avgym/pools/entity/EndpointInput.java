package org.avgym.pools.entity;

/** An endpoint as the API receives it; weight defaults to 1 and enabled to true. */
public record EndpointInput(String url, Integer weight, Boolean enabled) {}
