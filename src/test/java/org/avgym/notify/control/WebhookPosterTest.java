package org.avgym.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real HTTP on loopback: what a receiver gets, and how each kind of answer counts. */
class WebhookPosterTest {

  private record Received(
      String method,
      String version,
      byte[] body,
      String signature,
      String delivery,
      String timestamp) {}

  private static final String SECRET = "0123456789abcdef-secret";

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HttpServer server;
  private volatile int status = 204;
  private volatile long delayMs;

  @BeforeEach
  void receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getProtocol(),
                  body,
                  exchange.getRequestHeaders().getFirst(Signature.HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookPoster.DELIVERY_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookPoster.TIMESTAMP_HEADER)));
          try {
            Thread.sleep(delayMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private WebhookPoster poster() {
    return new WebhookPoster(Duration.ofSeconds(5), Duration.ofMillis(2_500), threads);
  }

  @Test
  void postsTheSignedBodyOverHttp11WithDeliveryAndTimestamp() {
    String body = "{\"kind\":\"alert.firing\",\"text\":\"Größe über 90 %\"}";
    Attempt attempt = poster().post(url(), SECRET, 17, body, Instant.ofEpochSecond(1_800_000_000));
    assertTrue(attempt.delivered(), attempt.error());
    assertEquals(204, attempt.status());
    assertEquals(1, received.size());
    Received got = received.get(0);
    assertEquals("POST", got.method());
    assertEquals("HTTP/1.1", got.version());
    assertTrue(Signature.verify(SECRET, got.body(), got.signature()), got.signature());
    assertEquals(body, new String(got.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("17", got.delivery());
    assertEquals("1800000000", got.timestamp());
  }

  @Test
  void aServerErrorIsAFailedAttemptWithItsStatus() {
    status = 500;
    Attempt attempt = poster().post(url(), SECRET, 1, "{}", Instant.now());
    assertFalse(attempt.delivered());
    assertEquals(500, attempt.status());
    assertTrue(attempt.error().contains("500"), attempt.error());
  }

  @Test
  void noAnswerWithinTheTimeoutIsAFailedAttempt() {
    delayMs = 5_000;
    Attempt attempt = poster().post(url(), SECRET, 1, "{}", Instant.now());
    assertFalse(attempt.delivered());
    assertNull(attempt.status());
  }

  @Test
  void aClosedPortIsAFailedAttempt() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Attempt attempt =
        poster().post("http://127.0.0.1:" + closed + "/hook", SECRET, 1, "{}", Instant.now());
    assertFalse(attempt.delivered());
    assertNull(attempt.status());
    assertTrue(attempt.error().startsWith("could not reach"), attempt.error());
  }
}
