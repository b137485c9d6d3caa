package org.avgym.pools.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.avgym.live.entity.Topic;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolSettings;
import org.avgym.pools.entity.StrategyName;

/**
 * Validates pool definitions from the API and the dashboard, so each bad value is refused naming
 * its field: names, endpoint URLs (only {@code ws://} and {@code wss://}), strategies, and the
 * ranges of sizes and intervals. Plain Java, unit-tested.
 */
public final class PoolRules {

  public static final Duration MIN_INTERVAL = Duration.ofMillis(500);
  public static final Duration MAX_INTERVAL = Duration.ofMinutes(5);
  public static final Duration MIN_ACK_TIMEOUT = Duration.ofMillis(10);
  public static final Duration MAX_ACK_TIMEOUT = Duration.ofMinutes(5);
  public static final int MAX_OUTBOX = 100_000;
  public static final int MAX_CONNECTIONS = 1_000;
  public static final int MAX_RECONNECT_ATTEMPTS = 1_000;
  public static final int MAX_WEIGHT = 1_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** Defaults for a new pool. */
  public static final PoolSettings DEFAULTS =
      new PoolSettings(
          Set.of(Topic.CHECKINS.wire()),
          8,
          Duration.ofSeconds(5),
          10,
          StrategyName.HEALTH_WEIGHTED,
          Duration.ofMillis(200),
          Duration.ofSeconds(5),
          10_000);

  private PoolRules() {}

  public static String name(String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("name", "name is required");
    }
    String name = text.trim();
    if (!NAME.matcher(name).matches()) {
      throw Refusal.invalid(
          "name", "name must be 1–64 lower-case letters, digits and dashes, not \"" + text + "\"");
    }
    return name;
  }

  /**
   * A WebSocket endpoint URL that the server may connect to: well formed (below), and its host
   * passes {@code addresses} (no link-local or metadata address, private ones only where allowed).
   */
  public static String url(
      String field, String text, EndpointAddresses addresses, EndpointAddresses.Resolver dns) {
    String url = url(field, text);
    String refusal = addresses.refusal(URI.create(url).getHost(), dns);
    if (refusal != null) {
      throw Refusal.invalid(field, "url refused: " + refusal);
    }
    return url;
  }

  /**
   * A URL as it may be shown to staff and written to events and logs: the values of its query
   * parameters (where tokens for the downstream system tend to be) are replaced by {@code …}.
   */
  public static String shown(String url) {
    if (url == null) {
      return null;
    }
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String[] parameters = url.substring(query + 1).split("&", -1);
    StringBuilder shown = new StringBuilder(url.substring(0, query + 1));
    for (int i = 0; i < parameters.length; i++) {
      int equals = parameters[i].indexOf('=');
      shown
          .append(i > 0 ? "&" : "")
          .append(equals < 0 ? parameters[i] : parameters[i].substring(0, equals) + "=…");
    }
    return shown.toString();
  }

  /**
   * A WebSocket endpoint URL: {@code ws://} or {@code wss://} with a host, and no user name or
   * password in it (they would be shown to staff and written to events).
   */
  public static String url(String field, String text) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid(field, "url is required");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw Refusal.invalid(field, "\"" + text + "\" is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw Refusal.invalid(
          field, "url must start with ws:// or wss://, not \"" + text.trim() + "\"");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw Refusal.invalid(field, "url \"" + shown(text.trim()) + "\" has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw Refusal.invalid(
          field,
          "url must not carry a user name or password; put a token in a query parameter, which is"
              + " hidden where the URL is shown");
    }
    if (uri.getRawFragment() != null) {
      throw Refusal.invalid(field, "url must not have a fragment (#…)");
    }
    return uri.toString();
  }

  public static int weight(String field, Integer weight) {
    int value = weight == null ? 1 : weight;
    if (value < 1 || value > MAX_WEIGHT) {
      throw Refusal.invalid(field, "weight must be between 1 and " + MAX_WEIGHT);
    }
    return value;
  }

  /**
   * {@code input} applied over {@code base}: missing fields keep the base value. {@code inUse} is
   * the number of connections the pool has now; maxConnections may not go below it.
   */
  public static PoolSettings settings(PoolInput input, PoolSettings base, int inUse) {
    Set<String> topics = input.topics() == null ? base.topics() : topics(input.topics());
    int max = input.maxConnections() == null ? base.maxConnections() : input.maxConnections();
    if (max < 1 || max > MAX_CONNECTIONS) {
      throw Refusal.invalid(
          "maxConnections", "maxConnections must be between 1 and " + MAX_CONNECTIONS);
    }
    if (max < inUse) {
      throw Refusal.invalid(
          "maxConnections",
          "maxConnections " + max + " is below the " + inUse + " connections in use");
    }
    Duration interval =
        millis(
            "healthCheckIntervalMs",
            input.healthCheckIntervalMs(),
            base.healthCheckInterval(),
            MIN_INTERVAL,
            MAX_INTERVAL);
    int attempts =
        input.reconnectAttempts() == null ? base.reconnectAttempts() : input.reconnectAttempts();
    if (attempts < 0 || attempts > MAX_RECONNECT_ATTEMPTS) {
      throw Refusal.invalid(
          "reconnectAttempts", "reconnectAttempts must be between 0 and " + MAX_RECONNECT_ATTEMPTS);
    }
    StrategyName strategy = base.strategy();
    if (input.strategy() != null) {
      try {
        strategy = StrategyName.parse(input.strategy());
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("strategy", e.getMessage());
      }
    }
    Duration ackMin =
        millis(
            "ackTimeoutMinMs",
            input.ackTimeoutMinMs(),
            base.ackTimeoutMin(),
            MIN_ACK_TIMEOUT,
            MAX_ACK_TIMEOUT);
    Duration ackMax =
        millis(
            "ackTimeoutMaxMs",
            input.ackTimeoutMaxMs(),
            base.ackTimeoutMax(),
            MIN_ACK_TIMEOUT,
            MAX_ACK_TIMEOUT);
    // A hung endpoint's deliveries must fail over within one health interval, so the ack timeout
    // never exceeds it: an explicit larger bound is refused, an inherited one is lowered to it.
    if (ackMax.compareTo(interval) > 0) {
      if (input.ackTimeoutMaxMs() != null) {
        throw Refusal.invalid(
            "ackTimeoutMaxMs",
            "ackTimeoutMaxMs "
                + ackMax.toMillis()
                + " must not be above healthCheckIntervalMs "
                + interval.toMillis()
                + ", so that deliveries fail over within one health interval");
      }
      ackMax = interval;
      if (input.ackTimeoutMinMs() == null && ackMin.compareTo(ackMax) > 0) {
        ackMin = ackMax;
      }
    }
    if (ackMin.compareTo(ackMax) > 0) {
      throw Refusal.invalid(
          "ackTimeoutMinMs",
          "ackTimeoutMinMs "
              + ackMin.toMillis()
              + " must not be above ackTimeoutMaxMs "
              + ackMax.toMillis());
    }
    int outbox = input.outboxLimit() == null ? base.outboxLimit() : input.outboxLimit();
    if (outbox < 1 || outbox > MAX_OUTBOX) {
      throw Refusal.invalid("outboxLimit", "outboxLimit must be between 1 and " + MAX_OUTBOX);
    }
    return new PoolSettings(topics, max, interval, attempts, strategy, ackMin, ackMax, outbox);
  }

  static Set<String> topics(List<String> names) {
    if (names.isEmpty()) {
      throw Refusal.invalid("topics", "topics must name at least one topic");
    }
    Set<String> topics = new LinkedHashSet<>();
    for (String name : names) {
      String wire = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
      if (Topic.parse(wire).isEmpty()) {
        throw Refusal.invalid(
            "topics", "unknown topic \"" + name + "\"; valid topics are " + topicNames());
      }
      topics.add(wire);
    }
    return topics;
  }

  private static Duration millis(
      String field, Long value, Duration base, Duration min, Duration max) {
    if (value == null) {
      return base;
    }
    Duration duration = Duration.ofMillis(value);
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw Refusal.invalid(
          field, field + " must be between " + min.toMillis() + " and " + max.toMillis() + " ms");
    }
    return duration;
  }

  private static String topicNames() {
    return Arrays.stream(Topic.values()).map(Topic::wire).collect(Collectors.joining(", "));
  }
}
