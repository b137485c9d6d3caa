package org.avgym.pools.entity;

import java.util.List;

/** A pool as the supervisor runs it: a snapshot of the stored definition, taken at commit. */
public record PoolDefinition(
    String name, PoolSettings settings, List<EndpointDefinition> endpoints) {

  public PoolDefinition {
    endpoints = List.copyOf(endpoints);
  }
}
