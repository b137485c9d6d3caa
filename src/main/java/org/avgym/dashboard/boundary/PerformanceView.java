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
import org.avgym.analytics.boundary.AnalyticsStore;
import org.avgym.analytics.boundary.MetricSampler;
import org.avgym.analytics.boundary.RollupRunner;
import org.avgym.analytics.control.ChartJs;
import org.avgym.analytics.control.TrendDetector;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.RollupView;
import org.avgym.analytics.entity.Sample;
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

  @Inject AnalyticsStore store;
  @Inject RollupRunner rollups;
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

  public List<Current> getCurrent() {
    List<Current> current = new ArrayList<>();
    String[][] metrics = {
      {"connectionCount", "Connections", ""},
      {"avgLatency", "Latency", "ms"},
      {"avgThroughput", "Throughput", "/s"},
      {"errorRate", "Error rate", ""},
      {"memoryUsage", "Memory", "%"},
      {"cpuUsage", "CPU", "%"}
    };
    TrendDetector trends = new TrendDetector();
    for (String[] m : metrics) {
      List<TimePoint> series = points(m[0]);
      double value = series.isEmpty() ? 0 : series.get(series.size() - 1).value();
      TrendResult trend = series.size() < 2 ? TrendResult.FLAT : trends.detect(series);
      current.add(new Current(m[0], m[1], m[2], value, trend.trend()));
    }
    return current;
  }

  /** The metric over the range, oldest first, at most {@link #MAX_POINTS} points. */
  List<TimePoint> points(String metric) {
    Range chosen = Range.parse(range).orElse(Range.H1);
    Instant to = Instant.now();
    Instant from = to.minus(chosen.length());
    List<TimePoint> points = new ArrayList<>();
    Instant rawFrom = from;
    if (chosen.fromRollups()) {
      for (RollupView r : rollups.list(Period.HOUR, metric, from, to)) {
        if (r.subject().isEmpty()) {
          points.add(new TimePoint(r.start(), r.avg()));
          rawFrom = Period.HOUR.next(r.start());
        }
      }
    }
    // This instance's samples: several instances' would zigzag in one line.
    List<Sample> samples = store.samples(metric, "", sampler.instance(), rawFrom, to, 5000);
    int step = Math.max(1, samples.size() / MAX_POINTS);
    for (int i = 0; i < samples.size(); i += step) {
      points.add(new TimePoint(samples.get(i).at(), samples.get(i).value()));
    }
    return points;
  }

  private String chart(String metric, String label, boolean area) {
    List<TimePoint> points = points(metric);
    List<String> labels = points.stream().map(p -> TIME.format(p.at())).toList();
    List<Double> values = points.stream().map(TimePoint::value).toList();
    return ChartJs.line(labels, List.of(new ChartJs.Series(label, values)), area);
  }
}
