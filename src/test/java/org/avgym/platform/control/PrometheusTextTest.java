package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String DECISION = "avgym_checkin_decision_seconds";

  /** What Payara 6.2025.10 writes for a timer declared in nanoseconds (values of a 4 ms timer). */
  private static final String PAYARA =
      """
      # TYPE avgym_checkin_decision_seconds_mean gauge
      avgym_checkin_decision_seconds_mean{mp_scope="application"} 0.0041
      # TYPE avgym_checkin_decision_seconds_max gauge
      # HELP avgym_checkin_decision_seconds_max Time to decide and commit a check-in
      avgym_checkin_decision_seconds_max{mp_scope="application"} 0.012
      # HELP avgym_checkin_decision_seconds Time to decide and commit a check-in
      # TYPE avgym_checkin_decision_seconds summary
      avgym_checkin_decision_seconds{mp_scope="application",quantile="0.5"} 3900000.0
      avgym_checkin_decision_seconds{mp_scope="application",quantile="0.99"} 1.2E7
      avgym_checkin_decision_seconds_count{mp_scope="application"} 6.0
      avgym_checkin_decision_seconds_sum{mp_scope="application"} 0.0246
      """;

  @Test
  void quantilesOfTheNamedTimersBecomeSecondsAndNothingElseChanges() {
    String[] lines = PrometheusText.corrected(PAYARA, Set.of(DECISION)).split("\n");
    assertEquals(
        "avgym_checkin_decision_seconds{mp_scope=\"application\",quantile=\"0.5\"} 0.0039",
        lines[8]);
    assertEquals(
        "avgym_checkin_decision_seconds{mp_scope=\"application\",quantile=\"0.99\"} 0.012",
        lines[9]);
    assertEquals("avgym_checkin_decision_seconds_count{mp_scope=\"application\"} 6.0", lines[10]);
    assertEquals("avgym_checkin_decision_seconds_sum{mp_scope=\"application\"} 0.0246", lines[11]);
    assertEquals("avgym_checkin_decision_seconds_max{mp_scope=\"application\"} 0.012", lines[5]);
  }

  @Test
  void meanGaugeGetsTheSummarysHelpRightAfterItsType() {
    String[] lines = PrometheusText.corrected(PAYARA, Set.of()).split("\n");
    assertEquals("# TYPE avgym_checkin_decision_seconds_mean gauge", lines[0]);
    assertEquals(
        "# HELP avgym_checkin_decision_seconds_mean Recent mean of: Time to decide and commit a"
            + " check-in",
        lines[1]);
    assertEquals("avgym_checkin_decision_seconds_mean{mp_scope=\"application\"} 0.0041", lines[2]);
    assertEquals(PAYARA.split("\n").length + 1, lines.length);
    assertEquals(
        "avgym_checkin_decision_seconds{mp_scope=\"application\",quantile=\"0.5\"} 3900000.0",
        lines[8],
        "families not named keep their values");
  }

  @Test
  void textThatIsAlreadyRightStaysAsItWas() {
    String described =
        "# TYPE x_mean gauge\n# HELP x_mean Mean of x\nx_mean 1.0\n# TYPE y_total counter\ny_total 2\n"
            + "z_seconds{quantile=\"0.5\"} NaN\n";
    assertEquals(described, PrometheusText.corrected(described, Set.of("z_seconds")));
  }

  @Test
  void aMeanWithoutASummaryStillGetsAHelpLine() {
    assertEquals(
        "# TYPE lonely_mean gauge\n# HELP lonely_mean Recent mean\nlonely_mean 3\n",
        PrometheusText.corrected("# TYPE lonely_mean gauge\nlonely_mean 3\n", Set.of()));
  }
}
