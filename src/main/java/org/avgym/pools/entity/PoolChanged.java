package org.avgym.pools.entity;

/**
 * Fired inside the transaction that changed a pool; the supervisor applies it after commit and
 * analytics records it. {@code definition} is null when the pool was destroyed; {@code kind} is one
 * of {@code created}, {@code reconfigured}, {@code destroyed}, {@code endpoint-added}, {@code
 * endpoint-changed} and {@code endpoint-removed}; {@code actor} is the user who changed it ({@code
 * system} for demo seeding).
 */
public record PoolChanged(
    String name, PoolDefinition definition, String kind, String actor, String detail) {

  public boolean destroyed() {
    return definition == null;
  }
}
