package org.avgym.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Webhook receivers on loopback (the JDK's HTTP server): each path answers with the status it was
 * given and records every request, its raw body bytes and headers, for a test to check the
 * signature itself.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String path, byte[] body, Headers headers, long nanos) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** A receiver whose {@code path} answers {@code status}, for each pair given. */
  public static WebhookReceiver start(Object... pathsAndStatuses) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      for (int i = 0; i < pathsAndStatuses.length; i += 2) {
        String path = (String) pathsAndStatuses[i];
        int status = (Integer) pathsAndStatuses[i + 1];
        server.createContext(
            path,
            exchange -> {
              byte[] body = exchange.getRequestBody().readAllBytes();
              receiver.requests.add(
                  new Request(path, body, exchange.getRequestHeaders(), System.nanoTime()));
              exchange.sendResponseHeaders(status, -1);
              exchange.close();
            });
      }
      server.setExecutor(receiver.threads);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The requests so far that match, oldest first. */
  public List<Request> requests(Predicate<Request> matching) {
    return requests.stream().filter(matching).toList();
  }

  /** Waits until {@code count} requests match; those requests. */
  public List<Request> await(Predicate<Request> matching, int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Request> found = requests(matching);
    while (found.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " matching webhook requests, got "
                + found.size()
                + ": "
                + requests.stream().map(Request::text).toList());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      found = requests(matching);
    }
    return found;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
