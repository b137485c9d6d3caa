package org.avgym.notify.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Locale;
import org.avgym.analytics.entity.AlertNotice;

/**
 * What a notification says: the alert's JSON as the alerts topic carries it, plus {@code text}, one
 * line that Slack and Teams incoming webhooks show as the message, and {@code source}. The same
 * text is an e-mail's subject.
 */
public final class NotificationBody {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String TEST_KIND = "notification.test";
  static final String SOURCE = "AV Gym";

  private NotificationBody() {}

  /** The body of an alert's notification. */
  public static String of(AlertNotice notice) {
    return JSON.createObjectBuilder(notice.json())
        .add("text", text(notice))
        .add("source", SOURCE)
        .build()
        .toString();
  }

  /** The one line shown by chat tools, e.g. {@code [AV Gym] CRITICAL: server-errors fired: …}. */
  public static String text(AlertNotice notice) {
    return "["
        + SOURCE
        + "] "
        + notice.severity().name()
        + (notice.firing() ? "" : " resolved")
        + ": "
        + notice.message();
  }

  /** The body of a test notification of channel {@code channel}, asked for by {@code user}. */
  public static String test(String channel, String user, Instant at) {
    return JSON.createObjectBuilder()
        .add("kind", TEST_KIND)
        .add("channel", channel)
        .add("severity", "info")
        .add("message", "Test notification of channel " + channel + " sent by " + user)
        .add("at", at.toString())
        .add(
            "text",
            "[" + SOURCE + "] Test notification of channel " + channel + " (by " + user + ")")
        .add("source", SOURCE)
        .build()
        .toString();
  }

  /** The text line of a stored body (an e-mail's subject); its kind when it has none. */
  public static String textOf(JsonObject body) {
    return body.getString("text", body.getString("kind", "notification").toLowerCase(Locale.ROOT));
  }
}
