package org.avgym.analytics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;

/** An alert rule as an admin stored it; {@link #rule()} is what the evaluator runs. */
@Entity
@Table(name = "alert_rule")
public class StoredAlertRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String metric;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Comparison comparison;

  private double threshold;

  @Column(name = "duration_seconds")
  private long durationSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Severity severity;

  private double hysteresis;

  private boolean enabled;

  @Column(name = "built_in")
  private boolean builtIn;

  @Version private long version;

  protected StoredAlertRule() {}

  public StoredAlertRule(AlertRule rule, double hysteresis) {
    apply(rule, hysteresis);
  }

  /** Takes over everything but the id; the rule was validated when it was built. */
  public final void apply(AlertRule rule, double hysteresisFraction) {
    this.name = rule.name();
    this.metric = rule.metric();
    this.comparison = rule.comparison();
    this.threshold = rule.threshold();
    this.durationSeconds = rule.duration().toSeconds();
    this.severity = rule.severity();
    this.hysteresis = hysteresisFraction;
    this.enabled = rule.enabled();
  }

  public AlertRule rule() {
    return AlertRule.of(
            name, metric, comparison, threshold, Duration.ofSeconds(durationSeconds), severity)
        .withHysteresisFraction(hysteresis)
        .withEnabled(enabled);
  }

  public AlertRuleView view() {
    return new AlertRuleView(
        id,
        name,
        metric,
        comparison,
        threshold,
        durationSeconds,
        severity,
        hysteresis,
        enabled,
        builtIn);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
