package org.avgym.pools.entity;

/**
 * Fired inside the transaction that changed a pool; the supervisor applies it after commit. {@code
 * definition} is null when the pool was destroyed.
 */
public record PoolChanged(String name, PoolDefinition definition) {

  public boolean destroyed() {
    return definition == null;
  }
}
