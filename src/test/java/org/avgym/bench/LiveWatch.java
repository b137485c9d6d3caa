package org.avgym.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.StalledWsClient;

/**
 * Live subscribers for the check-in benchmark (issue 4): N clients subscribed to {@code checkins}
 * measure the time from the server's decision ({@code data.at}) to receipt and check that sequence
 * numbers have no gap; K more clients subscribe and then never read.
 */
final class LiveWatch implements AutoCloseable {

  private static final Pattern EVENT =
      Pattern.compile(
          "\"topic\":\"checkins\",\"epoch\":\"[^\"]+\",\"seq\":(\\d+),\"data\":\\{.*?\"at\":\"([^\"]+)\"");

  private final List<Subscriber> subscribers = new ArrayList<>();
  private final List<StalledWsClient> stalled = new ArrayList<>();
  private final long[] latencies;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong closed = new AtomicLong();
  private volatile boolean measuring;

  LiveWatch(URI base, String user, String password, int count, int stalledCount, int capacity)
      throws Exception {
    latencies = new long[capacity];
    URI live = URI.create("ws://" + base.getAuthority() + "/ws/live");
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }
    for (int i = 0; i < count; i++) {
      Subscriber subscriber = new Subscriber();
      subscriber.socket =
          clients
              .get(i % clients.size())
              .newWebSocketBuilder()
              .header("Authorization", basic)
              .buildAsync(live, subscriber)
              .get(30, TimeUnit.SECONDS);
      subscriber.socket.sendText("{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}", true);
      subscribers.add(subscriber);
    }
    for (Subscriber subscriber : subscribers) {
      subscriber.subscribed.get(60, TimeUnit.SECONDS);
    }
    for (int i = 0; i < stalledCount; i++) {
      stalled.add(
          new StalledWsClient(
              live,
              Map.of("Authorization", basic),
              "{\"type\":\"subscribe\",\"topics\":[\"checkins\"]}"));
    }
    measuring = true;
  }

  final class Subscriber implements WebSocket.Listener {
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    volatile WebSocket socket;
    long lastSeq;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        if (frame.startsWith("{\"type\":\"subscribed\"")) {
          subscribed.complete(null);
        } else {
          Matcher matcher = EVENT.matcher(frame);
          while (matcher.find()) {
            long seq = Long.parseLong(matcher.group(1));
            if (lastSeq > 0 && seq != lastSeq + 1) {
              gaps.incrementAndGet();
            }
            lastSeq = seq;
            events.incrementAndGet();
            if (measuring) {
              Instant at = Instant.parse(matcher.group(2));
              long micros = now - (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
              int slot = count.getAndIncrement();
              if (slot < latencies.length) {
                latencies[slot] = micros;
              }
            }
          }
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.incrementAndGet();
      return null;
    }
  }

  String report() {
    int n = Math.min(count.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "live: %d subscribers (+%d stalled): %d events received, latency decision->receipt ms"
            + " p50 %.1f p99 %.1f max %.1f, gaps %d, normal subscribers closed %d",
        subscribers.size(),
        stalled.size(),
        events.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        n == 0 ? 0 : sorted[n - 1] / 1e3,
        gaps.get(),
        closed.get());
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e3;
  }

  @Override
  public void close() {
    for (Subscriber subscriber : subscribers) {
      subscriber.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }
    stalled.forEach(StalledWsClient::close);
  }
}
