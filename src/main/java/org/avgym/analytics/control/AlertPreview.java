package org.avgym.analytics.control;

import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.Sample;

/**
 * When a rule would have fired and resolved over stored samples: the samples replayed in time order
 * through an evaluator of its own, exactly as the live evaluator would have seen them (the same
 * duration, hysteresis and per-subject state), so an admin sees a rule's noise before saving it.
 * The rule is judged as if enabled.
 */
public final class AlertPreview {

  private AlertPreview() {}

  /** The transitions, oldest first; {@code samples} must be oldest first. */
  public static List<AlertTransition> replay(AlertRule rule, List<Sample> samples) {
    AlertRule enabled = rule.withEnabled(true);
    AlertEvaluator evaluator = new AlertEvaluator();
    List<AlertTransition> transitions = new ArrayList<>();
    for (Sample sample : samples) {
      if (sample.metric().equals(enabled.metric()) && !Double.isNaN(sample.value())) {
        evaluator
            .evaluate(enabled, sample.subject(), sample.value(), sample.at())
            .ifPresent(transitions::add);
      }
    }
    return transitions;
  }
}
