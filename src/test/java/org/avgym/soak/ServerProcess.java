package org.avgym.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.avgym.it.Api;

/**
 * The server's process as an operator would watch it: a full GC through {@code jcmd}, then heap
 * used (the instance's own {@code /metrics}), threads and resident memory from {@code
 * /proc/<pid>/status}, and open files counted in {@code /proc/<pid>/fd}.
 */
final class ServerProcess {

  record Figures(double heapMb, int threads, int openFiles, double rssMb) {}

  /** MicroProfile Metrics 5 names it {@code memory_usedHeap_bytes}, older ones with base_. */
  private static final Pattern USED_HEAP =
      Pattern.compile(
          "^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

  private static final double MB = 1024.0 * 1024.0;

  private final long pid;
  private final Api metrics;

  ServerProcess(long pid, Api anonymous) {
    this.pid = pid;
    this.metrics = anonymous;
  }

  Figures sample() {
    gc();
    String status = read(Path.of("/proc", Long.toString(pid), "status"));
    return new Figures(
        heapUsedBytes() / MB,
        (int) statusField(status, "Threads"),
        openFiles(),
        statusField(status, "VmRSS") / 1024.0);
  }

  /** {@code jcmd <pid> GC.run}: a full collection, so heap used is what is still reachable. */
  private void gc() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "GC.run"))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private double heapUsedBytes() {
    String text =
        metrics
            .send(metrics.request("/metrics").setHeader("Accept", "text/plain").GET().build())
            .body();
    Matcher used = USED_HEAP.matcher(text);
    if (!used.find()) {
      throw new IllegalStateException("no memory_usedHeap_bytes in /metrics");
    }
    return Double.parseDouble(used.group(1));
  }

  private int openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric field of /proc/<pid>/status ({@code VmRSS: 123456 kB} gives 123456). */
  static long statusField(String status, String field) {
    return status
        .lines()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc status"));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
