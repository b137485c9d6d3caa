package org.avgym.it;

import java.io.IOException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The used heap of the Payara Micro process an IT runs against, after a full GC forced from outside
 * with {@code jcmd <pid> GC.run}: the process is found by its command line (the Payara Micro jar,
 * and this build's folder or the deployment's HTTP port).
 */
public final class ServerHeap {

  private static final Pattern HEAP =
      Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  private final URL base;
  private final long pid;

  private ServerHeap(URL base, long pid) {
    this.base = base;
    this.pid = pid;
  }

  /** The server behind {@code base}; fails when its process cannot be told apart. */
  public static ServerHeap of(URL base) {
    String folder = System.getProperty("user.dir");
    List<ProcessHandle> payara =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .toList();
    List<ProcessHandle> ours =
        payara.stream()
            .filter(p -> p.info().commandLine().orElse("").contains(folder + "/"))
            .toList();
    if (ours.size() != 1) {
      ours =
          payara.stream()
              .filter(p -> p.info().commandLine().orElse("").contains("--port " + base.getPort()))
              .toList();
    }
    if (ours.size() != 1) {
      throw new IllegalStateException(
          "cannot tell this IT's Payara Micro from the " + payara.size() + " running");
    }
    return new ServerHeap(base, ours.get(0).pid());
  }

  /** Used heap in bytes after a full GC: the median of three readings of /metrics. */
  public long usedAfterGc() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
    String said = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.run: " + said);
    }
    Thread.sleep(1000);
    long[] readings = new long[3];
    Api api = Api.at(base);
    for (int i = 0; i < readings.length; i++) {
      String metrics =
          api.send(api.request("/metrics").setHeader("Accept", "text/plain").GET().build()).body();
      Matcher matcher = HEAP.matcher(metrics);
      if (!matcher.find()) {
        throw new IllegalStateException("no memory_usedHeap_bytes in /metrics");
      }
      readings[i] = (long) Double.parseDouble(matcher.group(1));
      Thread.sleep(300);
    }
    Arrays.sort(readings);
    return readings[1];
  }

  /**
   * Bytes held per class after a full GC ({@code jcmd <pid> GC.class_histogram}), by class name.
   */
  public java.util.Map<String, Long> classHistogram() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String said = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.class_histogram: " + said);
    }
    java.util.Map<String, Long> bytes = new java.util.HashMap<>();
    Matcher row = HISTOGRAM_ROW.matcher(said);
    while (row.find()) {
      bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
    }
    return bytes;
  }

  /** The classes whose bytes grew most from {@code before} to {@code after}, one per line. */
  public static String growth(
      java.util.Map<String, Long> before, java.util.Map<String, Long> after, int top) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(
            e ->
                java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> out.append(String.format("%,14d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
}
