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

/** The aggregate of one metric and subject over one hour or day. */
@Entity
@Table(name = "rollup")
public class Rollup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Period period;

  @Column(name = "period_start", nullable = false)
  private Instant start;

  @Column(nullable = false)
  private String metric;

  @Column(nullable = false)
  private String subject;

  @Column(name = "value_count")
  private long count;

  @Column(name = "value_sum")
  private double sum;

  @Column(name = "value_min")
  private double min;

  @Column(name = "value_max")
  private double max;

  @Column(name = "value_avg")
  private double avg;

  @Column(name = "value_p95")
  private double p95;

  protected Rollup() {}

  public Rollup(Period period, Instant start, String metric, String subject, Aggregate aggregate) {
    this.period = period;
    this.start = start;
    this.metric = metric;
    this.subject = subject == null ? Sample.INSTANCE : subject;
    this.count = aggregate.count();
    this.sum = aggregate.sum();
    this.min = aggregate.min();
    this.max = aggregate.max();
    this.avg = aggregate.mean();
    this.p95 = aggregate.p95();
  }

  public RollupView view() {
    return new RollupView(period, start, metric, subject, count, sum, min, max, avg, p95);
  }
}
