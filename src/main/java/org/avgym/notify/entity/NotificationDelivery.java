package org.avgym.notify.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One notification in the durable outbox: the exact body to send, and where its sending stands.
 * Written in the transaction that stored the alert; claimed and sent by one instance at a time.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

  /** The most of an error message kept (the column's size). */
  static final int ERROR_LENGTH = 256;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "channel_id")
  private NotificationChannel channel;

  @Column(name = "alert_id")
  private Long alertId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryState state;

  private int attempts;

  @Column(name = "max_attempts")
  private int maxAttempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected NotificationDelivery() {}

  public NotificationDelivery(
      NotificationChannel channel,
      Long alertId,
      String kind,
      String payload,
      int maxAttempts,
      Instant at) {
    this.channel = channel;
    this.alertId = alertId;
    this.kind = kind;
    this.payload = payload;
    this.state = DeliveryState.PENDING;
    this.maxAttempts = maxAttempts;
    this.nextAttemptAt = at;
    this.createdAt = at;
  }

  /** An instance sends it now; nobody else takes it before {@code until}. */
  public void claimUntil(Instant until) {
    nextAttemptAt = until;
  }

  /** The receiver took it. */
  public void delivered(Integer status, Instant at) {
    attempts++;
    state = DeliveryState.DELIVERED;
    lastStatus = status;
    lastError = null;
    finishedAt = at;
  }

  /**
   * An attempt failed: try again after {@code retryIn}, or give up when it was the last attempt;
   * true when given up.
   */
  public boolean attemptFailed(Integer status, String error, Duration retryIn, Instant at) {
    attempts++;
    lastStatus = status;
    lastError =
        error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    if (attempts >= maxAttempts) {
      state = DeliveryState.FAILED;
      finishedAt = at;
      return true;
    }
    nextAttemptAt = at.plus(retryIn);
    return false;
  }

  public int getAttempts() {
    return attempts;
  }

  public DeliveryState getState() {
    return state;
  }

  public String getPayload() {
    return payload;
  }

  public NotificationChannel getChannel() {
    return channel;
  }

  public Long getId() {
    return id;
  }

  public DeliveryView view() {
    return new DeliveryView(
        id,
        channel.getName(),
        alertId,
        kind,
        state,
        attempts,
        maxAttempts,
        state == DeliveryState.PENDING ? nextAttemptAt : null,
        lastStatus,
        lastError,
        createdAt,
        finishedAt);
  }
}
