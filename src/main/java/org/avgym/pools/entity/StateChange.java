package org.avgym.pools.entity;

/**
 * The outcome of one event fed to a connection's health tracker: the state before and after. The
 * supervisor publishes changes on the {@code pools} topic and starts slow start on recovery.
 */
public record StateChange(ConnectionState from, ConnectionState to) {

  public boolean changed() {
    return from != to;
  }

  /** Back in rotation after being ejected: it should rejoin through slow start. */
  public boolean recovered() {
    return from == ConnectionState.UNHEALTHY && to.inRotation();
  }

  /** Taken out of rotation. */
  public boolean ejected() {
    return from.inRotation() && !to.inRotation();
  }
}
