package org.avgym.analytics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.analytics.control.AlertEvaluator;
import org.avgym.analytics.control.AnalyticsMetrics;
import org.avgym.analytics.entity.AlertNotice;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.AlertView;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Sample;
import org.avgym.analytics.entity.Severity;
import org.avgym.live.entity.Publication;
import org.avgym.live.entity.Topic;

/**
 * Evaluates the stored alert rules on every sample, keeping the evaluator's state (pending
 * breaches, open alerts) for the life of the instance; each transition is stored, published on the
 * alerts topic and recorded as an event.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Alerts {

  private static final Logger LOG = Logger.getLogger(Alerts.class.getName());

  @Inject AlertRules rules;
  @Inject AlertStore store;
  @Inject EventTracker events;
  @Inject AnalyticsMetrics metrics;
  @Inject Event<Publication> publications;

  private final AlertEvaluator evaluator = new AlertEvaluator();
  private volatile List<AlertRule> active = List.of();

  @PostConstruct
  void start() {
    reload();
    restoreOpen();
  }

  public void reload() {
    try {
      active = rules.rules();
    } catch (RuntimeException e) {
      metrics.failed("alert-rules");
      LOG.log(Level.WARNING, "Could not load alert rules; keeping the previous ones", e);
    }
  }

  public void onRulesChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRules.Changed changed) {
    reload();
  }

  public void evaluate(List<Sample> samples) {
    List<AlertRule> current = active;
    for (Sample sample : samples) {
      try {
        for (AlertTransition transition :
            evaluator.evaluate(
                current, sample.metric(), sample.subject(), sample.value(), sample.at())) {
          announce(transition);
        }
      } catch (RuntimeException e) {
        metrics.failed("alert");
        LOG.log(Level.WARNING, "Could not evaluate alerts for " + sample, e);
      }
    }
  }

  /** Takes over the alerts open in the database (after a restart, or the chain sampler moved). */
  public void restoreOpen() {
    try {
      for (AlertView open : store.list(AlertState.FIRING, AlertEvaluator.DEFAULT_MAX_TRACKED)) {
        evaluator.restoreOpen(open.rule(), open.subject(), open.firedAt());
      }
    } catch (RuntimeException e) {
      metrics.failed("alert-restore");
      LOG.log(Level.WARNING, "Could not take over the open alerts", e);
    }
  }

  /**
   * Stores, publishes and records a transition, unless it changed nothing stored: the alert was
   * open already (fired by another instance) or already resolved, so each alert is announced once.
   * Storing it also queued its notifications (AlertStore), in this same transaction.
   */
  private void announce(AlertTransition transition) {
    AlertNotice notice = store.record(transition).orElse(null);
    if (notice == null) {
      return;
    }
    publications.fire(new Publication(Topic.ALERTS, notice.json().toString()));
    events.record(
        EventCategory.PERFORMANCE,
        notice.kind(),
        notice.rule(),
        notice.firing() ? notice.severity() : Severity.INFO,
        notice.message());
  }
}
