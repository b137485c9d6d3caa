package org.avgym.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real WebSocket client (the JDK's) for ITs: frames arrive in a queue, the close in a future. */
public final class WsClient implements AutoCloseable {

  public record Closed(int code, String reason) {}

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private final boolean autoRead;
  private volatile boolean paused;

  private WsClient(URI uri, Map<String, String> headers, boolean autoRead) {
    this.autoRead = autoRead;
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      socket = builder.buildAsync(uri, new Listener()).get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("WebSocket upgrade refused: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WsClient connect(URI uri, Map<String, String> headers) {
    return new WsClient(uri, headers, true);
  }

  /** A client that reads nothing after the first frames: its server-side backlog grows. */
  public static WsClient stalled(URI uri, Map<String, String> headers) {
    WsClient client = new WsClient(uri, headers, false);
    return client;
  }

  /** Stops requesting frames, like a client whose reader hangs. */
  public void stopReading() {
    paused = true;
  }

  /** A live client (§2) with these credentials, subscribed to the topics. */
  public static WsClient subscribed(
      java.net.URL base, String authorization, Duration wait, String... topics) {
    WsClient live = connect(ws(base, "/ws/live"), Map.of("Authorization", authorization));
    live.send("{\"type\":\"subscribe\",\"topics\":[\"" + String.join("\",\"", topics) + "\"]}");
    live.nextOfType("subscribed", wait);
    return live;
  }

  /** A device session (§1) with the device's token, past its welcome frame. */
  public static WsClient device(java.net.URL base, String token, Duration wait) {
    WsClient device = connect(ws(base, "/ws/devices"), Map.of("Authorization", "Bearer " + token));
    device.nextOfType("welcome", wait);
    return device;
  }

  public static URI ws(java.net.URL base, String path) {
    return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + path);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  public void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  public String next(Duration timeout) {
    try {
      String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within " + timeout);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonObject nextJson(Duration timeout) {
    return Json.createReader(new StringReader(next(timeout))).readObject();
  }

  /** The next frame of the given type, skipping others (e.g. events while waiting for a reply). */
  public JsonObject nextOfType(String type, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no '" + type + "' frame within " + timeout);
      }
      JsonObject frame = nextJson(Duration.ofNanos(left));
      if (type.equals(frame.getString("type", ""))) {
        return frame;
      }
    }
  }

  /** The next {@code count} events of a topic, whether sent alone or in batches. */
  public java.util.List<JsonObject> events(String topic, int count, Duration timeout) {
    java.util.List<JsonObject> events = new java.util.ArrayList<>();
    while (events.size() < count) {
      JsonObject frame = nextJson(timeout);
      if ("event".equals(frame.getString("type"))) {
        if (topic.equals(frame.getString("topic"))) {
          events.add(frame);
        }
      } else if ("batch".equals(frame.getString("type"))) {
        for (JsonObject event : frame.getJsonArray("events").getValuesAs(JsonObject.class)) {
          if (topic.equals(event.getString("topic"))) {
            events.add(event);
          }
        }
      }
    }
    return events;
  }

  public String poll(Duration timeout) {
    try {
      return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public Closed awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not closed within " + timeout);
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes with 1000 and waits for the server's close frame. */
  public Closed closeNormally(Duration timeout) {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    return awaitClose(timeout);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      if (autoRead && !paused) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(-1, String.valueOf(error)));
    }
  }
}
