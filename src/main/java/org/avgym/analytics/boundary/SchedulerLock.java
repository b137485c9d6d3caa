package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Run-once in a cluster: a job runs only on the instance whose single UPDATE moved the job's {@code
 * locked_until} from the past into the future. The database serialises concurrent UPDATEs of one
 * row, and the second sees the new {@code locked_until} and matches no row. Each call is its own
 * transaction, committed at once, so other instances see the lock while the job runs. A crashed
 * holder's lease simply runs out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SchedulerLock {

  @PersistenceContext EntityManager em;

  /** Takes the lock when it is free or expired. */
  public boolean tryAcquire(String name, String owner, Duration lease) {
    return take(name, owner, lease, "locked_until < ?4");
  }

  /** Takes the lock when free or expired, or extends it when {@code owner} holds it already. */
  public boolean hold(String name, String owner, Duration lease) {
    return take(name, owner, lease, "(locked_until < ?4 OR owner = ?2)");
  }

  private boolean take(String name, String owner, Duration lease, String when) {
    Instant now = Instant.now();
    return em.createNativeQuery(
                "UPDATE scheduler_lock SET locked_until = ?1, owner = ?2 WHERE name = ?3 AND "
                    + when)
            .setParameter(1, now.plus(lease))
            .setParameter(2, owner)
            .setParameter(3, name)
            .setParameter(4, now)
            .executeUpdate()
        == 1;
  }

  public void release(String name, String owner) {
    em.createNativeQuery(
            "UPDATE scheduler_lock SET locked_until = ?1 WHERE name = ?2 AND owner = ?3")
        .setParameter(1, Instant.now().minusMillis(1))
        .setParameter(2, name)
        .setParameter(3, owner)
        .executeUpdate();
  }

  public void completed(String name, Instant periodStart) {
    em.createNativeQuery("UPDATE scheduler_lock SET last_completed = ?1 WHERE name = ?2")
        .setParameter(1, periodStart)
        .setParameter(2, name)
        .executeUpdate();
  }

  public Optional<Instant> lastCompleted(String name) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT last_completed FROM scheduler_lock WHERE name = ?1", Instant.class)
            .setParameter(1, name)
            .getResultList();
    return rows.isEmpty() || rows.get(0) == null
        ? Optional.empty()
        : Optional.of((Instant) rows.get(0));
  }

  /** Who holds the lock now, if anyone. */
  public Optional<String> holder(String name) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT owner FROM scheduler_lock WHERE name = ?1 AND locked_until >= ?2")
            .setParameter(1, name)
            .setParameter(2, Instant.now())
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
  }
}
