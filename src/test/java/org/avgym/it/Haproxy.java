package org.avgym.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy with the product's own {@code server-config/haproxy.cfg}, in front of three
 * instances on loopback. Skipped (by the caller) where the binary is missing.
 */
public final class Haproxy implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/haproxy");

  private final int port;
  private final Process process;
  private final Path log;

  private Haproxy(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  public static Haproxy start(List<PayaraInstance> nodes) {
    int port = PayaraInstance.freePort();
    String config = System.getProperty("avgym.serverConfig", "server-config") + "/haproxy.cfg";
    try {
      Path log = Files.createTempFile("avgym-haproxy-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(BINARY.toString(), "-db", "-f", config)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("AVGYM_LB_BIND", "127.0.0.1:" + port);
      for (int i = 0; i < 3; i++) {
        builder.environment().put("AVGYM_NODE" + (i + 1), "127.0.0.1:" + nodes.get(i).httpPort());
      }
      Haproxy haproxy = new Haproxy(port, builder.start(), log);
      Thread.sleep(500);
      if (!haproxy.process.isAlive()) {
        throw new IllegalStateException("HAProxy did not start: " + Files.readString(log));
      }
      return haproxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URL base() {
    try {
      return URI.create("http://127.0.0.1:" + port + "/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // best effort
    }
  }
}
