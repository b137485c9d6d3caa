package org.avgym.pools.control;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try reconnecting a dropped connection: exponential backoff with full jitter (AWS
 * Architecture Blog, "Exponential Backoff and Jitter"),
 *
 * <pre>delay = random(0, min(cap, base × factor^attempt))</pre>
 *
 * with {@code attempt} counting from 0. Full jitter spreads the reconnects of many connections to
 * one recovering endpoint instead of having them arrive in waves. After {@code maxAttempts}
 * attempts the backoff is {@linkplain #exhausted() exhausted}: the connection is failed and only
 * probed every {@code probeInterval}. The attempt count resets when a connection drops after
 * staying up for the stable uptime, so an endpoint that flaps quickly keeps backing off while one
 * that ran fine for an hour starts over.
 *
 * <p>Time is passed in as monotonic nanoseconds ({@link System#nanoTime()} style).
 */
public final class Backoff {

  /**
   * @param base the ceiling of the first delay (default 500 ms)
   * @param factor growth of the ceiling per attempt, at least 1 (default 2)
   * @param cap the largest ceiling (default 30 s)
   * @param maxAttempts attempts before giving up, the pool's reconnectAttempts (default 10)
   * @param stableUptime uptime after which a drop starts the count over (default 60 s)
   * @param probeInterval delay between probes once exhausted (default 60 s)
   */
  public record Settings(
      Duration base,
      double factor,
      Duration cap,
      int maxAttempts,
      Duration stableUptime,
      Duration probeInterval) {

    public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
    public static final double DEFAULT_FACTOR = 2;
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_STABLE_UPTIME = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(60);

    public static final Settings DEFAULTS =
        new Settings(
            DEFAULT_BASE,
            DEFAULT_FACTOR,
            DEFAULT_CAP,
            DEFAULT_MAX_ATTEMPTS,
            DEFAULT_STABLE_UPTIME,
            DEFAULT_PROBE_INTERVAL);

    public Settings {
      Arguments.positive("base", base);
      Arguments.positive("cap", cap);
      Arguments.positive("stable uptime", stableUptime);
      Arguments.positive("probe interval", probeInterval);
      if (!(factor >= 1 && Double.isFinite(factor))) {
        throw new IllegalArgumentException("factor must be at least 1, was " + factor);
      }
      if (maxAttempts < 0) {
        throw new IllegalArgumentException("max attempts must be >= 0, was " + maxAttempts);
      }
    }

    /** These settings with the pool's reconnectAttempts. */
    public Settings withMaxAttempts(int attempts) {
      return new Settings(base, factor, cap, attempts, stableUptime, probeInterval);
    }
  }

  private final Settings settings;
  private final RandomGenerator random;
  private int attempts;
  private long connectedAtNanos;
  private boolean connected;

  public Backoff(Settings settings, RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The delay before the next reconnect attempt, counting it; once exhausted, the probe interval
   * (without counting).
   */
  public synchronized Duration nextDelay() {
    if (exhausted()) {
      return settings.probeInterval();
    }
    long ceiling = ceilingNanos(attempts);
    attempts++;
    return Duration.ofNanos(random.nextLong(ceiling + 1));
  }

  /** The largest delay the given attempt (from 0) may draw. */
  public long ceilingNanos(int attempt) {
    double grown = settings.base().toNanos() * Math.pow(settings.factor(), attempt);
    return (long) Math.min(settings.cap().toNanos(), grown);
  }

  public synchronized int attempts() {
    return attempts;
  }

  /** Whether every attempt was used: the connection is failed and only probed. */
  public synchronized boolean exhausted() {
    return attempts >= settings.maxAttempts();
  }

  /** The socket opened at {@code nowNanos}. */
  public synchronized void connected(long nowNanos) {
    connected = true;
    connectedAtNanos = nowNanos;
  }

  /**
   * The socket dropped at {@code nowNanos}; starts the count over if it had been up long enough.
   */
  public synchronized void disconnected(long nowNanos) {
    if (connected && nowNanos - connectedAtNanos >= settings.stableUptime().toNanos()) {
      attempts = 0;
    }
    connected = false;
  }
}
