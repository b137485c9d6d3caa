package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.entity.AlertRule;
import org.avgym.analytics.entity.AlertState;
import org.avgym.analytics.entity.AlertTransition;
import org.avgym.analytics.entity.Comparison;
import org.avgym.analytics.entity.Sample;
import org.avgym.analytics.entity.Severity;
import org.junit.jupiter.api.Test;

class AlertPreviewTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void replaysTheDayAsTheEvaluatorWouldHaveSeenIt() {
    AlertRule rule =
        AlertRule.of(
                "full",
                "occupancyRatio",
                Comparison.ABOVE,
                0.9,
                Duration.ofSeconds(20),
                Severity.INFO)
            .withEnabled(false);
    List<Sample> samples = new ArrayList<>();
    double[] values = {0.5, 0.95, 0.95, 0.95, 0.85, 0.5, 0.95};
    for (int i = 0; i < values.length; i++) {
      samples.add(new Sample(T0.plusSeconds(10L * i), "occupancyRatio", "center", values[i], "a"));
      samples.add(new Sample(T0.plusSeconds(10L * i), "occupancy", "center", 99, "a"));
    }
    List<AlertTransition> transitions = AlertPreview.replay(rule, samples);
    assertEquals(2, transitions.size(), transitions.toString());
    assertEquals(AlertState.FIRING, transitions.get(0).state());
    assertEquals(T0.plusSeconds(30), transitions.get(0).at());
    assertEquals(AlertState.RESOLVED, transitions.get(1).state());
    assertEquals(T0.plusSeconds(50), transitions.get(1).at());
  }

  @Test
  void thresholdsOutsideAMetricsRangeAreNotAdmitted() {
    SampledMetrics.Metric ratio = SampledMetrics.find("occupancyRatio").orElseThrow();
    assertFalse(ratio.admits(90));
    assertTrue(ratio.admits(0.9));
    assertEquals("0 to 1", ratio.range());
    assertEquals("0 or more", SampledMetrics.find("occupancy").orElseThrow().range());
    assertTrue(SampledMetrics.find("somethingElse").isEmpty());
  }
}
