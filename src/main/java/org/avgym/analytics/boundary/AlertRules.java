package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.avgym.analytics.control.AlertPreview;
import org.avgym.analytics.control.SampledMetrics;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertRuleInput;
import org.avgym.analytics.entity.AlertRuleView;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.Comparison;
import org.avgym.analytics.entity.Severity;
import org.avgym.analytics.entity.StoredAlertRule;
import org.avgym.platform.control.Refusal;

/** Alert rules as stored; every change is announced so the evaluator reloads after commit. */
@Stateless
public class AlertRules {

  /** Fired after a rule was created, changed or deleted. */
  public record Changed(String rule) implements org.avgym.platform.entity.ClusterWide {}

  /** The most samples a preview replays: a day of 10-second samples for 50 subjects. */
  static final int PREVIEW_SAMPLES = 432_000;

  @PersistenceContext EntityManager em;
  @Inject Event<Changed> changed;
  @Inject AnalyticsStore store;

  public List<AlertRuleView> all() {
    return em
        .createQuery("select r from StoredAlertRule r order by r.name", StoredAlertRule.class)
        .getResultList()
        .stream()
        .map(StoredAlertRule::view)
        .toList();
  }

  public List<AlertRule> rules() {
    return em
        .createQuery("select r from StoredAlertRule r order by r.name", StoredAlertRule.class)
        .getResultList()
        .stream()
        .map(StoredAlertRule::rule)
        .toList();
  }

  public AlertRuleView create(AlertRuleInput input) {
    AlertRule rule = validate(input, null);
    if (find(rule.name()) != null) {
      throw Refusal.conflict("An alert rule named " + rule.name() + " exists");
    }
    StoredAlertRule stored = new StoredAlertRule(rule, hysteresis(input));
    em.persist(stored);
    em.flush();
    changed.fire(new Changed(rule.name()));
    return stored.view();
  }

  public AlertRuleView update(long id, AlertRuleInput input) {
    StoredAlertRule stored = require(id);
    AlertRule rule = validate(input, stored);
    StoredAlertRule other = find(rule.name());
    if (other != null && !other.getId().equals(stored.getId())) {
      throw Refusal.conflict("An alert rule named " + rule.name() + " exists");
    }
    stored.apply(rule, hysteresis(input));
    changed.fire(new Changed(rule.name()));
    return stored.view();
  }

  /**
   * When the rule as given would have fired and resolved over the stored samples of the last {@code
   * window}, oldest first; checked like a rule to save, but nothing is stored.
   */
  public List<AlertTransition> preview(AlertRuleInput input, Duration window) {
    AlertRule rule = validate(input, null);
    Instant now = Instant.now();
    return AlertPreview.replay(
        rule, store.samples(rule.metric(), null, null, now.minus(window), now, PREVIEW_SAMPLES));
  }

  public void delete(long id) {
    StoredAlertRule stored = require(id);
    em.remove(stored);
    changed.fire(new Changed(stored.getName()));
  }

  private StoredAlertRule require(long id) {
    StoredAlertRule stored = em.find(StoredAlertRule.class, id);
    if (stored == null) {
      throw Refusal.notFound("No alert rule " + id);
    }
    return stored;
  }

  private StoredAlertRule find(String name) {
    return em.createQuery(
            "select r from StoredAlertRule r where r.name = :name", StoredAlertRule.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static double hysteresis(AlertRuleInput input) {
    return input.hysteresis() == null ? AlertRule.DEFAULT_HYSTERESIS_FRACTION : input.hysteresis();
  }

  /** Every field checked in turn, each refused naming it; then the rule's own invariants. */
  static AlertRule validate(AlertRuleInput input, StoredAlertRule existing) {
    if (input == null) {
      throw Refusal.invalid("body", "an alert rule is required");
    }
    String name = text("name", input.name(), 64);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw Refusal.invalid("name", "use letters, digits, '.', '_' and '-' only");
    }
    String metric = text("metric", input.metric(), 64);
    Comparison comparison;
    try {
      comparison = Comparison.parse(input.comparison());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("comparison", e.getMessage());
    }
    if (input.threshold() == null || !Double.isFinite(input.threshold())) {
      throw Refusal.invalid("threshold", "threshold must be a finite number");
    }
    SampledMetrics.Metric known = SampledMetrics.find(metric).orElse(null);
    if (known != null && !known.admits(input.threshold())) {
      throw Refusal.invalid(
          "threshold",
          "threshold must be "
              + known.range()
              + " for "
              + metric
              + " ("
              + known.description()
              + ")");
    }
    long seconds = input.durationSeconds() == null ? 0 : input.durationSeconds();
    if (seconds < 0 || seconds > Duration.ofDays(1).toSeconds()) {
      throw Refusal.invalid("durationSeconds", "durationSeconds must be 0 to 86400");
    }
    Severity severity;
    try {
      severity =
          Severity.valueOf(
              input.severity() == null ? "" : input.severity().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("severity", "severity must be INFO, WARNING or CRITICAL");
    }
    double hysteresis = hysteresis(input);
    if (!(hysteresis >= 0 && hysteresis <= 1)) {
      throw Refusal.invalid("hysteresis", "hysteresis must be a fraction from 0 to 1");
    }
    try {
      return AlertRule.of(
              name, metric, comparison, input.threshold(), Duration.ofSeconds(seconds), severity)
          .withHysteresisFraction(hysteresis)
          .withEnabled(input.enabled() == null || input.enabled());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("body", e.getMessage());
    }
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid(field, field + " is required");
    }
    if (value.trim().length() > max) {
      throw Refusal.invalid(field, field + " must be at most " + max + " characters");
    }
    return value.trim();
  }
}
