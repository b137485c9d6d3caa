package org.avgym.notify.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * POSTs a notification to a webhook: the body as JSON, signed ({@link Signature}), with {@code
 * X-AVGym-Delivery} (the same id on every retry, for the receiver to drop duplicates) and {@code
 * X-AVGym-Timestamp} (seconds since the epoch of this attempt). Any 2xx is delivered; anything
 * else, a timeout or a connection failure is a failed attempt. HTTP/1.1 only: the JDK client
 * otherwise asks plain-HTTP servers to upgrade to h2c, which proxies such as HAProxy break. No
 * redirects: a webhook that moved is a configuration to fix, not something to follow blindly.
 */
public final class WebhookPoster {

  public static final String DELIVERY_HEADER = "X-AVGym-Delivery";
  public static final String TIMESTAMP_HEADER = "X-AVGym-Timestamp";
  static final String USER_AGENT = "AVGym-Notifications/1";

  private final HttpClient client;
  private final Duration requestTimeout;

  /** {@code executor} runs the client's work: a managed one inside the container. */
  public WebhookPoster(Duration connectTimeout, Duration requestTimeout, Executor executor) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.requestTimeout = requestTimeout;
  }

  public Attempt post(String url, String secret, long deliveryId, String body, Instant now) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(requestTimeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", USER_AGENT)
              .header(Signature.HEADER, Signature.of(secret, bytes))
              .header(DELIVERY_HEADER, Long.toString(deliveryId))
              .header(TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
    } catch (IllegalArgumentException e) {
      return Attempt.failed(null, "bad webhook URL: " + e.getMessage());
    }
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status / 100 == 2
          ? Attempt.delivered(status)
          : Attempt.failed(status, "webhook answered HTTP " + status);
    } catch (HttpTimeoutException e) {
      return Attempt.failed(null, "no answer within the timeout: " + e.getMessage());
    } catch (IOException e) {
      return Attempt.failed(null, "could not reach the webhook: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.failed(null, "interrupted while sending");
    }
  }
}
