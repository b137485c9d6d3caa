package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.avgym.analytics.boundary.MetricSampler;
import org.avgym.analytics.boundary.MetricSeries;
import org.avgym.analytics.control.ChartJs;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.Trend;
import org.avgym.analytics.entity.TrendResult;

/**
 * The Performance tab: connections, latency, throughput, error rate, memory and CPU over the chosen
 * range (this instance's raw samples up to six hours, the cluster-wide hourly roll-ups beyond),
 * current values with trend arrows.
 */
@Named
@ViewScoped
public class PerformanceView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A metric's newest value and where it is heading over the range. */
  public record Current(String metric, String label, String unit, double value, Trend trend) {
    public String getFormatted() {
      return String.format(java.util.Locale.ROOT, "%.2f %s", value, unit).trim();
    }

    public String getArrow() {
      return trend.symbol();
    }

    public String getTrendName() {
      return trend.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final int MAX_POINTS = 240;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Inject MetricSeries series;
  @Inject MetricSampler sampler;

  private String range = Range.H1.label();

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = Range.parse(range).map(Range::label).orElse(Range.H1.label());
  }

  public List<String> getRanges() {
    return java.util.Arrays.stream(Range.values()).map(Range::label).toList();
  }

  public String getConnectionsChart() {
    return chart("connectionCount", "Connections", true);
  }

  public String getLatencyChart() {
    return chart("avgLatency", "Decision latency (ms)", false);
  }

  public String getThroughputChart() {
    return chart("avgThroughput", "Check-ins per second", true);
  }

  public String getErrorRateChart() {
    return chart("errorRate", "Error rate", false);
  }

  public String getMemoryChart() {
    return chart("memoryUsage", "Heap used (%)", true);
  }

  public String getCpuChart() {
    return chart("cpuUsage", "CPU (%)", false);
  }

  /** From a check-in's commit to the completed send of its event to a dashboard, on average. */
  public String getLiveLagChart() {
    return chart("liveLag", "Live delivery lag (ms)", false);
  }

  /** From sending a delivery to a pool's endpoint to its ack, on average. */
  public String getPoolRoundTripChart() {
    return chart("poolRoundTrip", "Pool delivery round trip (ms)", false);
  }

  public List<Current> getCurrent() {
    List<Current> current = new ArrayList<>();
    String[][] metrics = {
      {"connectionCount", "Connections", ""},
      {"avgLatency", "Latency", "ms"},
      {"avgThroughput", "Throughput", "/s"},
      {"errorRate", "Error rate", ""},
      {"memoryUsage", "Memory", "%"},
      {"cpuUsage", "CPU", "%"},
      {"liveLag", "Live delivery lag", "ms"},
      {"poolRoundTrip", "Pool round trip", "ms"}
    };
    Range chosen = Range.parse(range).orElse(Range.H1);
    Instant now = Instant.now();
    for (String[] m : metrics) {
      List<TimePoint> points = points(m[0]);
      double value = points.isEmpty() ? 0 : points.get(points.size() - 1).value();
      TrendResult trend = series.trend(m[0], sampler.instance(), chosen, now);
      current.add(new Current(m[0], m[1], m[2], value, trend.trend()));
    }
    return current;
  }

  /** The metric over the range, oldest first, at most about {@link #MAX_POINTS} points. */
  List<TimePoint> points(String metric) {
    return Memo.of(
        "performance." + metric + "." + range,
        () ->
            series.chart(
                metric,
                sampler.instance(),
                Range.parse(range).orElse(Range.H1),
                Instant.now(),
                MAX_POINTS));
  }

  private String chart(String metric, String label, boolean area) {
    List<TimePoint> points = points(metric);
    List<String> labels = points.stream().map(p -> TIME.format(p.at())).toList();
    List<Double> values = points.stream().map(TimePoint::value).toList();
    return ChartJs.line(labels, List.of(new ChartJs.Series(label, values)), area);
  }
}
