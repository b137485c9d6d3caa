package org.avgym.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;

/**
 * Decides, sample by sample, when an alert starts and when it ends, so that operators hear about a
 * problem once and about its end once.
 *
 * <p>Per (rule name, subject) it remembers when the metric first crossed the threshold; the alert
 * fires when the metric has stayed across for the rule's duration (a sample back on the good side
 * of the threshold resets the clock), and resolves when the metric passes back over the clear
 * threshold. Between the two thresholds nothing changes, so a value wobbling around the threshold
 * neither fires nor resolves again and again. At most one alert is open per rule and subject.
 * Disabling a rule resolves its open alerts at their next sample. Samples older than the last one
 * seen for the same rule and subject are ignored, as they would rewrite history.
 *
 * <p>Only subjects that are breaching or alerting are remembered, at most {@code maxTracked} of
 * them (default {@link #DEFAULT_MAX_TRACKED}). When full, the least recently seen pending breach is
 * forgotten (it restarts its duration at its next sample); open alerts are never forgotten, as that
 * would let them fire twice. If every slot holds an open alert, a new breach is not tracked and
 * counted in {@link #untrackedSamples()}. Methods are synchronized: evaluation is a few map
 * operations per sample.
 */
public final class AlertEvaluator {

  /**
   * Rules × subjects that may be breaching at once: five rules over a few hundred devices, pools
   * and locations leave ample headroom, and 10,000 small entries are well under a megabyte.
   */
  public static final int DEFAULT_MAX_TRACKED = 10_000;

  private record Key(String rule, String subject) {}

  private static final class Watch {
    Instant breachSince;
    Instant lastSeen;
    boolean open;
  }

  private final int maxTracked;
  private final Map<Key, Watch> watches = new LinkedHashMap<>(16, 0.75f, true);
  private long untrackedSamples;

  public AlertEvaluator() {
    this(DEFAULT_MAX_TRACKED);
  }

  public AlertEvaluator(int maxTracked) {
    if (maxTracked < 1) {
      throw new IllegalArgumentException(
          "alert evaluator must track at least 1 subject, was " + maxTracked);
    }
    this.maxTracked = maxTracked;
  }

  /** Evaluates every rule that watches {@code metric}, in the order given. */
  public synchronized List<AlertTransition> evaluate(
      List<AlertRule> rules, String metric, String subject, double value, Instant at) {
    Inputs.required(rules, "alert rules");
    Inputs.required(metric, "metric");
    List<AlertTransition> transitions = new ArrayList<>();
    for (AlertRule rule : rules) {
      if (Inputs.required(rule, "alert rule").metric().equals(metric)) {
        evaluate(rule, subject, value, at).ifPresent(transitions::add);
      }
    }
    return transitions;
  }

  /** Feeds one sample to one rule; returns the transition it causes, if any. */
  public synchronized Optional<AlertTransition> evaluate(
      AlertRule rule, String subject, double value, Instant at) {
    Inputs.required(rule, "alert rule");
    Inputs.required(subject, "alert subject");
    Inputs.required(at, "sample time");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "sample of " + rule.metric() + " for " + subject + " is not a number");
    }
    Key key = new Key(rule.name(), subject);
    Watch watch = watches.get(key);
    if (watch != null && at.isBefore(watch.lastSeen)) {
      return Optional.empty();
    }
    if (watch != null && watch.open) {
      watch.lastSeen = at;
      if (!rule.enabled() || rule.comparison().clears(value, rule.clearThreshold())) {
        watches.remove(key);
        return transition(rule, subject, AlertState.RESOLVED, value, at);
      }
      return Optional.empty();
    }
    if (!rule.enabled() || !rule.comparison().breaches(value, rule.threshold())) {
      watches.remove(key);
      return Optional.empty();
    }
    if (watch == null) {
      watch = track(key);
      if (watch == null) {
        return Optional.empty();
      }
      watch.breachSince = at;
    }
    watch.lastSeen = at;
    if (Duration.between(watch.breachSince, at).compareTo(rule.duration()) >= 0) {
      watch.open = true;
      return transition(rule, subject, AlertState.FIRING, value, at);
    }
    return Optional.empty();
  }

  /**
   * Takes over an alert another instance (or this one before a restart) opened, so that it resolves
   * here when its samples clear rather than staying open for ever.
   */
  public synchronized void restoreOpen(String ruleName, String subject, Instant firedAt) {
    Key key = new Key(ruleName, subject);
    Watch watch = watches.get(key);
    if (watch == null) {
      watch = track(key);
      if (watch == null) {
        return;
      }
      watch.breachSince = firedAt;
      watch.lastSeen = firedAt;
    }
    watch.open = true;
  }

  public synchronized boolean isOpen(String ruleName, String subject) {
    Watch watch = watches.get(new Key(ruleName, subject));
    return watch != null && watch.open;
  }

  public synchronized int openCount() {
    return (int) watches.values().stream().filter(watch -> watch.open).count();
  }

  public synchronized int trackedCount() {
    return watches.size();
  }

  /** Breaches that could not be tracked because every slot held an open alert. */
  public synchronized long untrackedSamples() {
    return untrackedSamples;
  }

  private Watch track(Key key) {
    if (watches.size() >= maxTracked && !forgetOldestPending()) {
      untrackedSamples++;
      return null;
    }
    Watch watch = new Watch();
    watches.put(key, watch);
    return watch;
  }

  private boolean forgetOldestPending() {
    for (Iterator<Watch> it = watches.values().iterator(); it.hasNext(); ) {
      if (!it.next().open) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private static Optional<AlertTransition> transition(
      AlertRule rule, String subject, AlertState state, double value, Instant at) {
    return Optional.of(new AlertTransition(rule, subject, state, value, at));
  }
}
