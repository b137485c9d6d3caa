package org.avgym.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Payara Server domain of its own for one test: created in a temporary folder on free ports (the
 * listeners bound to loopback), driven with the distribution's own asadmin, deleted with every file
 * at the end. Each asadmin command that fails throws with its output and the server log's tail.
 */
public final class PayaraServer implements AutoCloseable {

  private static final String DOMAIN = "avgym-it";
  private static final long COMMAND_MINUTES = 10;

  private final Path install;
  private final Path domains;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private boolean created;
  private boolean started;

  public PayaraServer(Path install) {
    if (!Files.isRegularFile(install.resolve("glassfish/lib/client/appserver-cli.jar"))) {
      throw new IllegalStateException(
          "no Payara Server at "
              + install
              + " (mvn verify unpacks fish.payara.distributions:payara into target/payara-server)");
    }
    this.install = install;
    try {
      this.domains = Files.createTempDirectory("avgym-payara-domains");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String port :
        List.of(
            "domain.adminPort",
            "domain.instancePort",
            "http.ssl.port",
            "domain.jmxPort",
            "java.debugger.port",
            "jms.port",
            "orb.listener.port",
            "orb.ssl.port",
            "orb.mutualauth.port",
            "osgi.shell.telnet.port",
            "hazelcast.das.port",
            "hazelcast.start.port")) {
      ports.put(port, PayaraInstance.freePort());
    }
  }

  public int httpPort() {
    return ports.get("domain.instancePort");
  }

  public int adminPort() {
    return ports.get("domain.adminPort");
  }

  public Path log() {
    return domains.resolve(DOMAIN).resolve("logs/server.log");
  }

  /** Creates the domain (no admin password, loopback only) and starts it. */
  public void createAndStart() {
    String properties =
        ports.entrySet().stream()
            .filter(e -> !e.getKey().equals("domain.adminPort"))
            .filter(e -> !e.getKey().equals("domain.instancePort"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(":"));
    asadminLocal(
        "create-domain",
        "--domaindir",
        domains.toString(),
        "--adminport",
        String.valueOf(adminPort()),
        "--instanceport",
        String.valueOf(httpPort()),
        "--domainproperties",
        properties + ":hazelcast.auto.increment=false",
        "--nopassword=true",
        DOMAIN);
    created = true;
    bindToLoopback();
    asadminLocal("start-domain", "--domaindir", domains.toString(), "--timeout", "600", DOMAIN);
    started = true;
  }

  /** Runs an asadmin command against this domain's admin port; its output. */
  public String asadmin(String... command) {
    List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "" + adminPort()));
    args.addAll(List.of(command));
    return run(args);
  }

  private String asadminLocal(String... command) {
    return run(List.of(command));
  }

  private String run(List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add("-jar");
    line.add(install.resolve("glassfish/lib/client/appserver-cli.jar").toString());
    line.add("--interactive=false");
    line.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    try {
      Path output = Files.createTempFile("asadmin", ".out");
      try {
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(
              "asadmin " + args + " did not finish in " + COMMAND_MINUTES + " min" + logTail());
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "asadmin " + args + " failed (" + process.exitValue() + "):\n" + text + logTail());
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last lines of the server log, for failure messages. */
  public String logTail() {
    try {
      if (!Files.exists(log())) {
        return "\n(no server log yet)";
      }
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return "\n--- server.log (last 80 lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "\n(server log unreadable: " + e + ")";
    }
  }

  /** The HTTP, HTTPS and admin listeners listen on 127.0.0.1 only. */
  private void bindToLoopback() {
    Path config = domains.resolve(DOMAIN).resolve("config/domain.xml");
    try {
      String xml = Files.readString(config, StandardCharsets.UTF_8);
      for (String port : List.of("domain.adminPort", "domain.instancePort", "http.ssl.port")) {
        String attribute = "<network-listener port=\"" + ports.get(port) + "\"";
        if (!xml.contains(attribute)) {
          throw new AssertionError("no listener on " + ports.get(port) + " in " + config);
        }
        xml =
            xml.replace(
                attribute,
                "<network-listener address=\"127.0.0.1\" port=\"" + ports.get(port) + "\"");
      }
      Files.writeString(config, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops and deletes the domain and every file of it, whatever state it is in. */
  @Override
  public void close() {
    try {
      if (started) {
        try {
          asadminLocal("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (AssertionError notStopped) {
          asadminLocal("stop-domain", "--domaindir", domains.toString(), "--kill=true", DOMAIN);
        }
      }
      if (created) {
        asadminLocal("delete-domain", "--domaindir", domains.toString(), DOMAIN);
      }
    } finally {
      deleteTree(domains);
    }
  }

  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
