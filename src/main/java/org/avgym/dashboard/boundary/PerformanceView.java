package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.avgym.analytics.boundary.MetricSampler;
import org.avgym.analytics.boundary.MetricSeries;
import org.avgym.analytics.control.ChartJs;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.TimePoint;
import org.avgym.analytics.entity.Trend;
import org.avgym.analytics.entity.TrendResult;
import org.primefaces.PrimeFaces;

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

  /** Each chart: its metric, the widget the page draws it with, its label and whether filled. */
  private record ChartSpec(String metric, String widget, String label, boolean area) {}

  private static final List<ChartSpec> CHARTS =
      List.of(
          new ChartSpec("connectionCount", "perfConnections", "Connections", true),
          new ChartSpec("avgLatency", "perfLatency", "Decision latency (ms)", false),
          new ChartSpec("avgThroughput", "perfThroughput", "Check-ins per second", true),
          new ChartSpec("errorRate", "perfErrors", "Error rate", false),
          new ChartSpec("memoryUsage", "perfMemory", "Heap used (%)", true),
          new ChartSpec("cpuUsage", "perfCpu", "CPU (%)", false),
          new ChartSpec("liveLag", "perfLiveLag", "Live delivery lag (ms)", false),
          new ChartSpec(
              "poolRoundTrip", "perfPoolRoundTrip", "Pool delivery round trip (ms)", false));

  private String range = Range.H1.label();

  /**
   * The time of the newest point each chart on the page has, per metric: polls add what is newer.
   */
  private final HashMap<String, Instant> shownUntil = new HashMap<>();

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = Range.parse(range).map(Range::label).orElse(Range.H1.label());
    shownUntil.clear(); // the charts are drawn anew for the new range
  }

  /**
   * The poll: each chart's samples newer than what it shows, as JSON {@code {widget: {labels,
   * values}}} in the callback parameter {@code points}, for the page to append (AvGym.appendPoints)
   * instead of drawing the charts again.
   */
  public void appendNew() {
    Instant now = Instant.now();
    var json = jakarta.json.Json.createObjectBuilder();
    for (ChartSpec chart : CHARTS) {
      Instant after = shownUntil.get(chart.metric());
      if (after == null) {
        continue; // not drawn yet: the next full render draws it whole
      }
      List<TimePoint> fresh =
          series.after(chart.metric(), sampler.instance(), after, now, MAX_POINTS);
      if (fresh.isEmpty()) {
        continue;
      }
      shownUntil.put(chart.metric(), fresh.get(fresh.size() - 1).at());
      var labels = jakarta.json.Json.createArrayBuilder();
      var values = jakarta.json.Json.createArrayBuilder();
      fresh.forEach(
          p -> {
            labels.add(TIME.format(p.at()));
            values.add(p.value());
          });
      json.add(
          chart.widget(),
          jakarta.json.Json.createObjectBuilder().add("labels", labels).add("values", values));
    }
    PrimeFaces.current().ajax().addCallbackParam("points", json.build().toString());
  }

  /** The most points a chart keeps while points are appended. */
  public int getMaxPoints() {
    return MAX_POINTS;
  }

  public List<String> getRanges() {
    return java.util.Arrays.stream(Range.values()).map(Range::label).toList();
  }

  public String getConnectionsChart() {
    return chart("connectionCount");
  }

  public String getLatencyChart() {
    return chart("avgLatency");
  }

  public String getThroughputChart() {
    return chart("avgThroughput");
  }

  public String getErrorRateChart() {
    return chart("errorRate");
  }

  public String getMemoryChart() {
    return chart("memoryUsage");
  }

  public String getCpuChart() {
    return chart("cpuUsage");
  }

  /** From a check-in's commit to the completed send of its event to a dashboard, on average. */
  public String getLiveLagChart() {
    return chart("liveLag");
  }

  /** From sending a delivery to a pool's endpoint to its ack, on average. */
  public String getPoolRoundTripChart() {
    return chart("poolRoundTrip");
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

  private String chart(String metric) {
    ChartSpec spec =
        CHARTS.stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
    List<TimePoint> points = points(metric);
    if (!points.isEmpty()) {
      shownUntil.put(metric, points.get(points.size() - 1).at());
    } else {
      shownUntil.put(metric, Instant.now().minus(Range.parse(range).orElse(Range.H1).length()));
    }
    List<String> labels = points.stream().map(p -> TIME.format(p.at())).toList();
    List<Double> values = points.stream().map(TimePoint::value).toList();
    return ChartJs.line(labels, List.of(new ChartJs.Series(spec.label(), values)), spec.area());
  }
}
