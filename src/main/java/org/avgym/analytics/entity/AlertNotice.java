package org.avgym.analytics.entity;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Locale;

/**
 * An alert that fired or resolved, as the world hears of it: published on the alerts topic, sent by
 * the notification channels. Fired as a CDI event inside the transaction that stores the alert, so
 * an observer that writes to the database (the notification outbox) commits with it or not at all.
 *
 * @param kind {@code alert.firing} or {@code alert.resolved}
 * @param subject the location, pool or device the alert is about; empty for the instance
 * @param alertId the stored alert's id
 */
public record AlertNotice(
    String kind,
    String rule,
    String metric,
    String subject,
    Severity severity,
    double value,
    String message,
    Instant at,
    long alertId) {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String FIRING = "alert.firing";
  public static final String RESOLVED = "alert.resolved";

  /** The notice of a stored transition; {@code alertId} is the row it opened or resolved. */
  public static AlertNotice of(AlertTransition transition, long alertId) {
    boolean firing = transition.state() == AlertState.FIRING;
    String subject = transition.subject() == null ? Sample.INSTANCE : transition.subject();
    String message =
        transition.rule().name()
            + (subject.isEmpty() ? "" : " for " + subject)
            + (firing ? " fired: " : " resolved: ")
            + transition.rule().metric()
            + " = "
            + transition.value();
    return new AlertNotice(
        firing ? FIRING : RESOLVED,
        transition.rule().name(),
        transition.rule().metric(),
        subject,
        transition.rule().severity(),
        transition.value(),
        message,
        transition.at(),
        alertId);
  }

  public boolean firing() {
    return FIRING.equals(kind);
  }

  /** The one JSON rendering, as the alerts topic carries it. */
  public JsonObject json() {
    return JSON.createObjectBuilder()
        .add("kind", kind)
        .add("rule", rule)
        .add("metric", metric)
        .add("subject", subject)
        .add("severity", severity.name().toLowerCase(Locale.ROOT))
        .add("value", value)
        .add("message", message)
        .add("at", at.toString())
        .add("alertId", alertId)
        .build();
  }
}
