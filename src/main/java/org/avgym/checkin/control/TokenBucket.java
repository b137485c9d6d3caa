package org.avgym.checkin.control;

/**
 * A per-device rate limit: {@code ratePerSecond} tokens a second up to {@code burst}; each message
 * takes one. One bucket belongs to one device and outlives its sessions (a reconnect does not
 * refill it); synchronized, since a replaced session may still be delivering its last frame.
 */
public final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be positive and burst at least 1");
    }
    this.ratePerNano = ratePerSecond / 1_000_000_000d;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  public synchronized boolean tryTake(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - last);
    last = Math.max(last, nowNanos);
    tokens = Math.min(burst, tokens + elapsed * ratePerNano);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
