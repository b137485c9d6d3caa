package org.avgym.analytics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored {@link Sample}: one row per metric and subject every sampling interval. */
@Entity
@Table(name = "metric_sample")
public class MetricSample {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sample_time", nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String metric;

  @Column(nullable = false)
  private String subject;

  @Column(name = "metric_value", nullable = false)
  private double value;

  @Column(nullable = false)
  private String instance;

  protected MetricSample() {}

  public MetricSample(Sample sample) {
    this.at = sample.at();
    this.metric = sample.metric();
    this.subject = sample.subject() == null ? Sample.INSTANCE : sample.subject();
    this.value = sample.value();
    this.instance = sample.instance();
  }

  public Sample view() {
    return new Sample(at, metric, subject, value, instance);
  }
}
