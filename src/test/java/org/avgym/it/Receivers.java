package org.avgym.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.server.Server;

/**
 * Downstream endpoints of a pool (PROTOCOL.md §3) in the test JVM: a real WebSocket server (Tyrus
 * on Grizzly, loopback) whose receivers ack every delivery and record its id, or, paused, answer
 * nothing (the hub then times out and redelivers the same ids).
 */
public final class Receivers implements AutoCloseable {

  /** What one receiver got: distinct ids per topic, every frame, and the pause switch. */
  public static final class Receiver {
    private final Map<String, Set<String>> idsByTopic = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean paused;

    public void pause() {
      paused = true;
    }

    public void resume() {
      paused = false;
    }

    public int distinct(String topic) {
      return idsByTopic.getOrDefault(topic, Set.of()).size();
    }

    public Set<String> ids(String topic) {
      return Set.copyOf(idsByTopic.getOrDefault(topic, Set.of()));
    }

    public long frames() {
      return frames.get();
    }

    /** Frames with an id this receiver had acked before (allowed: at least once, same id). */
    public long duplicates() {
      return duplicates.get();
    }

    String take(String text) {
      if (paused) {
        return null;
      }
      JsonObject frame = Json.createReader(new StringReader(text)).readObject();
      if (!"deliver".equals(frame.getString("type", ""))) {
        return null;
      }
      String id = frame.getString("id");
      frames.incrementAndGet();
      if (!idsByTopic
          .computeIfAbsent(frame.getString("topic"), t -> ConcurrentHashMap.newKeySet())
          .add(id)) {
        duplicates.incrementAndGet();
      }
      return "{\"type\":\"ack\",\"id\":\"" + id + "\"}";
    }
  }

  private static final java.util.List<String> THREE = java.util.List.of("-a", "-b", "-c");

  private static final Map<String, Receiver> RECEIVERS = new ConcurrentHashMap<>();

  /** The server side: one endpoint class, receivers told apart by the path. */
  @ServerEndpoint("/receiver/{name}")
  public static final class Endpoint {
    @OnMessage
    public String onMessage(String text, @PathParam("name") String name) {
      return receiver(name).take(text);
    }
  }

  private final Server server;
  private final int port;

  private Receivers(int port) {
    this.port = port;
    this.server = new Server("127.0.0.1", port, "/", Map.of(), Endpoint.class);
  }

  public static Receivers start() {
    Receivers receivers = new Receivers(PayaraInstance.freePort());
    try {
      receivers.server.start();
    } catch (jakarta.websocket.DeploymentException e) {
      throw new IllegalStateException(e);
    }
    return receivers;
  }

  public static Receiver receiver(String name) {
    return RECEIVERS.computeIfAbsent(name, n -> new Receiver());
  }

  public String url(String name) {
    receiver(name);
    return "ws://127.0.0.1:" + port + "/receiver/" + name;
  }

  /** A pool's definition (POST /api/pools) carrying {@code topic} to three receivers of its own. */
  public String poolOfThree(String pool, String topic) {
    StringBuilder endpoints = new StringBuilder();
    for (String suffix : THREE) {
      endpoints.append(endpoints.length() == 0 ? "" : ",");
      endpoints.append("{\"url\":\"").append(url(pool + suffix)).append("\"}");
    }
    return "{\"name\":\""
        + pool
        + "\",\"topics\":[\""
        + topic
        + "\"],\"endpoints\":["
        + endpoints
        + "]}";
  }

  /** The distinct ids of {@code topic} that the three receivers of {@link #poolOfThree} acked. */
  public static Set<String> idsOfThree(String pool, String topic) {
    Set<String> ids = new java.util.HashSet<>();
    THREE.forEach(suffix -> ids.addAll(receiver(pool + suffix).ids(topic)));
    return ids;
  }

  /** Frames the three receivers of {@link #poolOfThree} got again with an id already acked. */
  public static long duplicatesOfThree(String pool) {
    return THREE.stream().mapToLong(suffix -> receiver(pool + suffix).duplicates()).sum();
  }

  @Override
  public void close() {
    server.stop();
  }
}
