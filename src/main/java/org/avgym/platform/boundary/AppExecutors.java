package org.avgym.platform.boundary;

import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;

/**
 * The application's own managed executors. The container's defaults are tiny (on Payara the default
 * scheduled executor runs its tasks on one or two threads, the default executor on two), and
 * everything that shared them waited on everything else: under load a readiness probe queued behind
 * device pings and timed out, and the pools' deliveries delayed device heartbeats. Each kind of
 * work here has its own, so none can starve another:
 *
 * <ul>
 *   <li>{@link #SCHEDULED}: short timed tasks (heartbeats, presence, live fan-out timing, event
 *       flushes, the demo, the simulated gateway's answers);
 *   <li>{@link #POOLS}: the pool supervisor's leases and outbox reads and every pool's deliveries,
 *       health checks and reconnects, which wait on the network;
 *   <li>{@link #WORK}: tasks that may block on a client (pings, closes);
 *   <li>{@link #PROBES}: health probes only, so readiness reports the database, not a queue;
 *   <li>{@link #NOTIFY}: alert notifications, which wait on webhooks and mail servers outside.
 * </ul>
 */
@ManagedScheduledExecutorDefinition(name = AppExecutors.SCHEDULED, maxAsync = 8)
@ManagedScheduledExecutorDefinition(name = AppExecutors.POOLS, maxAsync = 8)
@ManagedExecutorDefinition(name = AppExecutors.WORK, maxAsync = 32)
@ManagedExecutorDefinition(name = AppExecutors.PROBES, maxAsync = 2)
@ManagedScheduledExecutorDefinition(name = AppExecutors.NOTIFY, maxAsync = 2)
@Singleton
public class AppExecutors {
  public static final String SCHEDULED = "java:app/concurrent/avgym-scheduled";
  public static final String POOLS = "java:app/concurrent/avgym-pools";
  public static final String WORK = "java:app/concurrent/avgym-work";
  public static final String PROBES = "java:app/concurrent/avgym-probes";
  public static final String NOTIFY = "java:app/concurrent/avgym-notify";
}
