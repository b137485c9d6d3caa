package org.avgym.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Payara Micro instance of the real avgym.war, started as its own process and joined to a data
 * grid on loopback: what an operator runs per node, with the test settings as system properties
 * (they outrank the WAR's defaults). {@link #kill()} is {@code kill -9}.
 */
public final class PayaraInstance implements AutoCloseable {

  private final String name;
  private final int httpPort;
  private final int gridPort;
  private final Path root;
  private Path log;
  private int starts;
  private Process process;

  private PayaraInstance(String name, int httpPort, int gridPort) {
    this.name = name;
    this.httpPort = httpPort;
    this.gridPort = gridPort;
    try {
      this.root = Files.createTempDirectory("avgym-cluster-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Instances of one grid: free HTTP ports and grid ports, nothing started yet. */
  public static List<PayaraInstance> grid(int count) {
    List<PayaraInstance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(new PayaraInstance("node" + (i + 1), freePort(), freePort()));
    }
    return instances;
  }

  /** The grid's member list, as {@code AVGYM_CLUSTER} takes it. */
  public static String members(List<PayaraInstance> instances) {
    return String.join(",", instances.stream().map(i -> "127.0.0.1:" + i.gridPort).toList());
  }

  /** Starts this instance in the grid named {@code cluster}, with the members and settings. */
  public PayaraInstance start(String cluster, String members, Map<String, String> settings) {
    // A fresh Payara root per start: one kept from before lists the WAR deployed then.
    starts++;
    log = root.resolve("server-" + starts + ".log");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("avgym.admin.username", Deployments.ADMIN);
    all.put("avgym.admin.password", Deployments.ADMIN_PASSWORD);
    all.put("avgym.demo.enabled", "false");
    // Test peers (receivers, the simulated gateway) listen on loopback, which pools may not
    // reach by default.
    all.put("avgym.pools.allowed-networks", "127.0.0.0/8");
    all.put("avgym.http.port", Integer.toString(httpPort));
    all.put("avgym.instance.id", name);
    all.putAll(settings);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dhazelcast.socket.bind.any=false"));
    all.forEach((key, value) -> command.add("-D" + key + "=" + value));
    String config = System.getProperty("avgym.testConfig", "src/test/server-config");
    String build = System.getProperty("avgym.buildDir", "target");
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar", build + "/payara-micro.jar"),
            "--deploy",
            System.getProperty("avgym.war", build + "/avgym.war"),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(httpPort),
            "--clustermode",
            "tcpip:" + members,
            "--clustername",
            cluster,
            "--startport",
            Integer.toString(gridPort),
            "--interfaces",
            "127.0.0.1",
            "--rootdir",
            root.resolve("payara-" + starts).toString(),
            "--prebootcommandfile",
            config + "/pre-boot.asadmin",
            "--postbootcommandfile",
            config + "/post-boot.asadmin"));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until {@code /health/ready} answers 200; fails with the log's tail otherwise. */
  public PayaraInstance awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up:\n" + tail(60));
      }
      try {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(URI.create(url() + "health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail(60));
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort + "/";
  }

  public URL base() {
    try {
      return URI.create(url()).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook, no undeploy, nothing flushed. */
  public void kill() {
    if (alive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** A clean stop (SIGTERM: Payara undeploys and leaves the grid). */
  public void stop() {
    if (alive()) {
      process.destroy();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of the server's log. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The server's log lines that contain {@code text}. */
  public List<String> logLines(String text) {
    try {
      return Files.readAllLines(log).stream().filter(line -> line.contains(text)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Kills the process if it still runs and deletes its folder. */
  @Override
  public void close() {
    kill();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  /** Below Linux's ephemeral range (32768 up), where no client connection takes a port. */
  private static final int LOWEST_PORT = 20_000;

  private static final int PORTS = 12_000;
  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A port free now for a server started later, outside the ephemeral range: a port the kernel
   * handed out as free (port 0) can be taken by any outgoing connection before the server binds it,
   * and a test with hundreds of client sockets open makes that likely enough to see (an instance
   * that never answered on its port). Never the same port twice in one test run.
   */
  public static int freePort() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = LOWEST_PORT + random.nextInt(PORTS);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IllegalStateException(
        "no free port between " + LOWEST_PORT + " and " + (LOWEST_PORT + PORTS));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
