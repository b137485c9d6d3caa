package org.avgym.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM has heap to work with; never depends on a remote system. */
@Liveness
@ApplicationScoped
public class JvmLiveness implements HealthCheck {

  /** Above this share of the maximum heap after a collection, the instance should be restarted. */
  static final double HEAP_LIMIT = 0.98;

  @Override
  public HealthCheckResponse call() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    double used = (double) heap.getUsed() / max;
    return HealthCheckResponse.named("jvm")
        .status(used < HEAP_LIMIT)
        .withData("heapUsedBytes", heap.getUsed())
        .withData("heapMaxBytes", max)
        .withData("threads", ManagementFactory.getThreadMXBean().getThreadCount())
        .build();
  }
}
