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
import java.time.Instant;

/** An alert that fired for one rule and subject; at most one is FIRING per pair. */
@Entity
@Table(name = "alert")
public class Alert {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "rule_name", nullable = false)
  private String rule;

  @Column(nullable = false)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Severity severity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AlertState state;

  @Column(name = "alert_value")
  private double value;

  @Column(name = "fired_at", nullable = false)
  private Instant firedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "acknowledged_by")
  private String acknowledgedBy;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Version private long version;

  protected Alert() {}

  public Alert(AlertTransition firing) {
    this.rule = firing.rule().name();
    this.subject = firing.subject() == null ? Sample.INSTANCE : firing.subject();
    this.severity = firing.rule().severity();
    this.state = AlertState.FIRING;
    this.value = firing.value();
    this.firedAt = firing.at();
  }

  public void resolve(double lastValue, Instant at) {
    this.state = AlertState.RESOLVED;
    this.value = lastValue;
    this.resolvedAt = at;
  }

  /** The first acknowledgement counts; later ones change nothing. */
  public void acknowledge(String user, Instant at) {
    if (acknowledgedBy == null) {
      this.acknowledgedBy = user;
      this.acknowledgedAt = at;
    }
  }

  public AlertView view() {
    return new AlertView(
        id,
        rule,
        subject,
        severity,
        state,
        value,
        firedAt,
        resolvedAt,
        acknowledgedBy,
        acknowledgedAt);
  }
}
