package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.avgym.analytics.entity.Alert;
import org.avgym.analytics.entity.AlertNotice;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.AlertView;
import org.avgym.analytics.entity.Sample;
import org.avgym.platform.control.Refusal;

/**
 * Stores alerts: one FIRING row per rule and subject, resolved in place, acknowledged by staff.
 * Each stored transition is announced as an {@link AlertNotice} inside the storing transaction, so
 * the notification outbox is written with the alert, once per transition cluster-wide.
 */
@Stateless
public class AlertStore {

  @PersistenceContext EntityManager em;
  @Inject Event<AlertNotice> notices;

  /**
   * Records a transition; returns the notice of the alert row it opened or resolved, empty when it
   * changed nothing (the alert was open already, or nothing was open to resolve).
   */
  public Optional<AlertNotice> record(AlertTransition transition) {
    String subject = transition.subject() == null ? Sample.INSTANCE : transition.subject();
    Optional<Alert> open =
        em.createQuery(
                "select a from Alert a where a.rule = :rule and a.subject = :subject"
                    + " and a.state = :firing",
                Alert.class)
            .setParameter("rule", transition.rule().name())
            .setParameter("subject", subject)
            .setParameter("firing", AlertState.FIRING)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (transition.state() == AlertState.FIRING) {
      if (open.isPresent()) {
        return Optional.empty(); // already open (another instance, or before a takeover)
      }
      Alert alert = new Alert(transition);
      em.persist(alert);
      em.flush();
      return Optional.of(announce(transition, alert));
    }
    open.ifPresent(a -> a.resolve(transition.value(), transition.at()));
    return open.map(a -> announce(transition, a)); // empty when nothing was open: resolved already
  }

  private AlertNotice announce(AlertTransition transition, Alert alert) {
    AlertNotice notice = AlertNotice.of(transition, alert.view().id());
    notices.fire(notice);
    return notice;
  }

  public List<AlertView> list(AlertState state, int max) {
    return em
        .createQuery(
            "select a from Alert a where (:state is null or a.state = :state)"
                + " order by a.firedAt desc",
            Alert.class)
        .setParameter("state", state)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(Alert::view)
        .toList();
  }

  public AlertView acknowledge(long id, String user) {
    Alert alert = em.find(Alert.class, id);
    if (alert == null) {
      throw Refusal.notFound("No alert " + id);
    }
    alert.acknowledge(user, Instant.now());
    return alert.view();
  }
}
