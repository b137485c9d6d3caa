package org.avgym.analytics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tracked event as stored; written in batches, never updated. */
@Entity
@Table(name = "analytics_event")
public class AnalyticsEvent {

  /** The longest text stored for type and source; longer values are cut, not refused. */
  static final int TYPE_LENGTH = 64;

  static final int SOURCE_LENGTH = 128;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_time", nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventCategory category;

  @Column(name = "event_type", nullable = false)
  private String type;

  @Column(nullable = false)
  private String source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Severity severity;

  private String details;

  protected AnalyticsEvent() {}

  public AnalyticsEvent(TrackedEvent event) {
    this.at = event.at();
    this.category = event.category();
    this.type = cut(event.type(), TYPE_LENGTH);
    this.source = cut(event.source(), SOURCE_LENGTH);
    this.severity = event.severity();
    this.details = event.details();
  }

  private static String cut(String text, int length) {
    String value = text == null ? "" : text;
    return value.length() <= length ? value : value.substring(0, length);
  }

  public TrackedEvent view() {
    return new TrackedEvent(at, category, type, source, severity, details);
  }
}
