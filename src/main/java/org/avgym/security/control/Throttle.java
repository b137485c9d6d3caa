package org.avgym.security.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed attempts per key (a user name, a client address), slowed and then refused: the first
 * {@code freeFailures} cost nothing; each further failure makes the key wait {@code baseDelay ×
 * 2^(failures − freeFailures)}, at most {@code maxDelay}; at {@code lockAfter} failures the key is
 * locked for {@code lockTime}. Failures are forgotten {@code forgetAfter} after the last one, or on
 * a success. While a key waits, attempts are refused before any password is checked, so they cost
 * no hashing.
 *
 * <p>Bounded: past {@code maxKeys} keys, those whose failures are forgotten or that are not waiting
 * are dropped; if every key is waiting the newest failures of new keys are not remembered (the
 * locked keys, which are what matter, stay). Time is passed in as monotonic nanoseconds. Plain
 * Java, unit-tested.
 */
public final class Throttle {

  /** How a kind of key is throttled. */
  public record Policy(
      int freeFailures,
      int lockAfter,
      Duration baseDelay,
      Duration maxDelay,
      Duration lockTime,
      Duration forgetAfter) {

    public Policy {
      if (freeFailures < 0 || lockAfter <= freeFailures) {
        throw new IllegalArgumentException("lockAfter must be above freeFailures ≥ 0");
      }
    }

    /** How long a key waits after its {@code failures}-th failure. */
    Duration waitAfter(int failures) {
      if (failures >= lockAfter) {
        return lockTime;
      }
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      int doublings = Math.min(30, failures - freeFailures);
      long millis = baseDelay.toMillis() << doublings;
      return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
  }

  /** What a failure did to its key: how long it must now wait, and whether it became locked. */
  public record Outcome(Duration delay, boolean locked, int failures) {}

  private record State(int failures, long lastFailure, long waitUntil) {}

  private final Policy policy;
  private final int maxKeys;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public Throttle(Policy policy, int maxKeys) {
    this.policy = policy;
    this.maxKeys = maxKeys;
  }

  /** How long the key must still wait before its next attempt; zero when it may try now. */
  public Duration waiting(String key, long now) {
    State state = states.get(key);
    if (state == null || now - state.waitUntil() >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(state.waitUntil() - now);
  }

  public Outcome failed(String key, long now) {
    if (states.size() >= maxKeys && !states.containsKey(key)) {
      states.values().removeIf(s -> now - s.waitUntil() >= 0 || forgotten(s, now));
      if (states.size() >= maxKeys) {
        return new Outcome(Duration.ZERO, false, 1);
      }
    }
    State next =
        states.compute(
            key,
            (k, state) -> {
              int failures = state == null || forgotten(state, now) ? 1 : state.failures() + 1;
              Duration wait = policy.waitAfter(failures);
              return new State(failures, now, now + wait.toNanos());
            });
    return new Outcome(
        policy.waitAfter(next.failures()), next.failures() == policy.lockAfter(), next.failures());
  }

  public void succeeded(String key) {
    states.remove(key);
  }

  public int size() {
    return states.size();
  }

  private boolean forgotten(State state, long now) {
    return now - state.lastFailure() > policy.forgetAfter().toNanos()
        && now - state.waitUntil() >= 0;
  }
}
