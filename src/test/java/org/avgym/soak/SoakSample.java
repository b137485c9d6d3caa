package org.avgym.soak;

import java.util.List;
import java.util.Locale;

/**
 * One minute of the soak: the server process after a forced GC (heap, threads, open files, resident
 * memory), the pool's outbox, and what the clients measured that minute.
 */
record SoakSample(
    int minute,
    double heapMb,
    int threads,
    int openFiles,
    double rssMb,
    int outboxDepth,
    double outboxOldestSeconds,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    long sent,
    long answered) {

  static final String HEADER =
      "minute,heap_mb,threads,open_files,rss_mb,outbox_depth,outbox_oldest_s,p50_ms,p95_ms,p99_ms,"
          + "sent,answered";

  String csv() {
    return String.format(
        Locale.ROOT,
        "%d,%.1f,%d,%d,%.1f,%d,%.1f,%.1f,%.1f,%.1f,%d,%d",
        minute,
        heapMb,
        threads,
        openFiles,
        rssMb,
        outboxDepth,
        outboxOldestSeconds,
        p50Ms,
        p95Ms,
        p99Ms,
        sent,
        answered);
  }

  /** The samples as an aligned table, for the console and docs/benchmarks.md. */
  static String table(List<SoakSample> samples) {
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%6s %8s %7s %6s %8s %7s %8s %7s %7s %7s %7s %8s%n",
                "minute",
                "heap MB",
                "threads",
                "files",
                "RSS MB",
                "outbox",
                "oldest s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "sent",
                "answered"));
    for (SoakSample s : samples) {
      table.append(
          String.format(
              Locale.ROOT,
              "%6d %8.1f %7d %6d %8.1f %7d %8.1f %7.1f %7.1f %7.1f %7d %8d%n",
              s.minute,
              s.heapMb,
              s.threads,
              s.openFiles,
              s.rssMb,
              s.outboxDepth,
              s.outboxOldestSeconds,
              s.p50Ms,
              s.p95Ms,
              s.p99Ms,
              s.sent,
              s.answered));
    }
    return table.toString();
  }
}
