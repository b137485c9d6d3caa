package org.avgym.dashboard.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.avgym.analytics.boundary.AlertStore;
import org.avgym.analytics.boundary.AnalyticsStore;
import org.avgym.analytics.boundary.EventTracker;
import org.avgym.analytics.boundary.Forecasts;
import org.avgym.analytics.boundary.GymAnalytics;
import org.avgym.analytics.boundary.MetricSeries;
import org.avgym.analytics.boundary.RollupRunner;
import org.avgym.analytics.control.ChartJs;
import org.avgym.analytics.control.MannKendall;
import org.avgym.analytics.entity.AlertView;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.HeatmapCell;
import org.avgym.analytics.entity.MannKendallResult;
import org.avgym.analytics.entity.Period;
import org.avgym.analytics.entity.Range;
import org.avgym.analytics.entity.RollupView;
import org.avgym.analytics.entity.TrackedEvent;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.platform.boundary.ThisInstance;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Analytics tab: range and event-type filter, check-ins over time, events by type, denials by
 * reason, the peak-hours heat map, trends, the live event log, alerts with acknowledge, the
 * occupancy forecast and export links.
 */
@Named
@ViewScoped
public class AnalyticsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A metric's direction over the range, and Mann-Kendall over its daily roll-ups. */
  public record TrendRow(String metric, String arrow, String direction, String mannKendall) {}

  /** One weekday of the heat map: visits per hour 0..23. */
  public record HeatmapRow(String day, List<Long> hours) {}

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Inject EventTracker events;
  @Inject AnalyticsStore store;
  @Inject GymAnalytics gym;
  @Inject AlertStore alerts;
  @Inject Forecasts forecasts;
  @Inject RollupRunner rollups;
  @Inject Locations locations;
  @Inject ThisInstance thisInstance;
  @Inject MetricSeries series;

  private String range = Range.H24.label();
  private String category = "";
  private String location = "";

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = Range.parse(range).map(Range::label).orElse(Range.H24.label());
  }

  public List<String> getRanges() {
    return java.util.Arrays.stream(Range.values()).map(Range::label).toList();
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category == null ? "" : category;
  }

  public List<String> getCategories() {
    return java.util.Arrays.stream(EventCategory.values()).map(Enum::name).toList();
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location == null ? "" : location;
  }

  public List<String> getLocations() {
    return locations.all().stream().map(Location::getCode).toList();
  }

  private Instant to() {
    return Instant.now();
  }

  private Instant from() {
    return to().minus(Range.parse(range).orElse(Range.H24).length());
  }

  private EventCategory chosenCategory() {
    return category.isBlank() ? null : EventCategory.valueOf(category);
  }

  private String chosenLocation() {
    return location.isBlank() ? null : location;
  }

  public String getCheckinsChart() {
    List<GymAnalytics.HourCount> hours = gym.checkinsPerHour(chosenLocation(), from(), to());
    return ChartJs.line(
        hours.stream().map(h -> HOUR.format(h.hour())).toList(),
        List.of(
            new ChartJs.Series(
                "Check-ins per hour", hours.stream().map(h -> (double) h.checkins()).toList())),
        true);
  }

  public String getEventsChart() {
    Map<String, Long> byType = store.eventsByType(chosenCategory(), from(), to());
    return ChartJs.bar(
        new ArrayList<>(byType.keySet()),
        "Events" + (category.isBlank() ? "" : " (" + category.toLowerCase(Locale.ROOT) + ")"),
        byType.values().stream().map(Long::doubleValue).toList());
  }

  public String getDenialsChart() {
    Map<String, Long> byReason = gym.denialsByReason(chosenLocation(), from(), to());
    return ChartJs.pie(
        new ArrayList<>(byReason.keySet()),
        byReason.values().stream().map(Long::doubleValue).toList());
  }

  /** What the page's choices are now: memoised values of another choice are not reused. */
  private String choice() {
    return range + "|" + location + "|" + category;
  }

  /** The chosen location's zone, the chain's when one is set, else null: each club's own. */
  private ZoneId heatmapZone() {
    String code = chosenLocation();
    if (code != null) {
      return locations.find(code).map(Location::getZone).orElse(null);
    }
    // Read here: a view-scoped bean cannot hold an injected setting (it is not serializable).
    String chainZone =
        ConfigProvider.getConfig()
            .getOptionalValue("avgym.analytics.chain-zone", String.class)
            .orElse("");
    return chainZone(chainZone);
  }

  /**
   * The chain's zone from {@code avgym.analytics.chain-zone}: null when it is blank, or mistyped
   * (said in the log; each club is then counted in its own zone).
   */
  static ZoneId chainZone(String setting) {
    if (setting == null || setting.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(setting.strip());
    } catch (java.time.DateTimeException e) {
      java.util.logging.Logger.getLogger(AnalyticsView.class.getName())
          .warning("avgym.analytics.chain-zone is not a time zone: " + setting);
      return null;
    }
  }

  private List<HeatmapCell> heatmapCells() {
    return Memo.of(
        "analytics.heatmap." + choice(),
        () -> gym.heatmap(chosenLocation(), from(), to(), heatmapZone()).cells());
  }

  /** Which clock the heat map's hours are read on. */
  public String getHeatmapZone() {
    ZoneId zone = heatmapZone();
    if (zone == null) {
      return "Hours in each club's local time";
    }
    return chosenLocation() == null
        ? "Hours in the chain's time zone, " + zone.getId()
        : "Hours in local time at " + chosenLocation() + ", " + zone.getId();
  }

  public List<HeatmapRow> getHeatmap() {
    List<HeatmapCell> cells = heatmapCells();
    List<HeatmapRow> rows = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      List<Long> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        hours.add(cells.get(d * 24 + h).visits());
      }
      rows.add(
          new HeatmapRow(
              cells
                  .get(d * 24)
                  .day()
                  .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
              hours));
    }
    return rows;
  }

  public List<Integer> getHours() {
    return java.util.stream.IntStream.range(0, 24).boxed().toList();
  }

  /** A CSS class from 0 (none) to 4 (the busiest hour of the range). */
  public String heat(long visits) {
    long max = heatmapCells().stream().mapToLong(HeatmapCell::visits).max().orElse(0);
    return "avgym-heat-"
        + (visits == 0 || max == 0 ? 0 : 1 + (int) Math.min(3, visits * 4 / (max + 1)));
  }

  /**
   * Each metric's direction over the whole chosen range (hourly points for 24 h and 7 d, see {@link
   * MetricSeries}), and Mann-Kendall over its daily roll-ups of the last 30 days.
   */
  public List<TrendRow> getTrends() {
    return Memo.of("analytics.trends." + choice(), this::loadTrends);
  }

  private List<TrendRow> loadTrends() {
    MannKendall mk = new MannKendall();
    Range chosen = Range.parse(range).orElse(Range.H24);
    Instant now = to();
    List<TrendRow> rows = new ArrayList<>();
    for (String metric :
        List.of("checkinsPerMinute", "avgLatency", "errorRate", "connectionCount")) {
      var trend = series.trend(metric, thisInstance.id(), chosen, now);
      List<RollupView> days =
          rollups.list(Period.DAY, metric, now.minus(Duration.ofDays(30)), now).stream()
              .filter(r -> r.subject().isEmpty())
              .toList();
      MannKendallResult result = mk.test(days.stream().map(RollupView::avg).toList());
      rows.add(
          new TrendRow(
              metric,
              trend.trend().symbol(),
              trend.trend().name().toLowerCase(Locale.ROOT),
              days.size() < MannKendall.MIN_VALUES
                  ? "not enough days"
                  : String.format(
                      Locale.ROOT,
                      "%s over %d days (p = %.3f)",
                      result.trend().name().toLowerCase(Locale.ROOT),
                      result.n(),
                      result.pValue())));
    }
    return rows;
  }

  public List<TrackedEvent> getLog() {
    return events.recent(chosenCategory(), 200);
  }

  public String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  public List<AlertView> getAlerts() {
    return alerts.list(null, 50);
  }

  public void acknowledge(long id) {
    String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    AlertView alert = alerts.acknowledge(id, user);
    events.record(
        EventCategory.USER,
        "alert.acknowledged",
        user,
        org.avgym.analytics.entity.Severity.INFO,
        alert.rule() + " " + alert.subject());
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage("Acknowledged alert " + alert.rule()));
  }

  public String getForecastChart() {
    String code =
        chosenLocation() != null
            ? chosenLocation()
            : getLocations().stream().findFirst().orElse(null);
    if (code == null) {
      return ChartJs.line(List.of(), List.of(), false);
    }
    Forecasts.LocationForecast forecast = forecast(code);
    return ChartJs.line(
        forecast.points().stream()
            .map(p -> HOUR.format(p.at()).substring(0, 6) + TIME.format(p.at()).substring(11, 16))
            .toList(),
        List.of(
            new ChartJs.Series(
                "Forecast occupancy at " + code,
                forecast.points().stream().map(p -> p.occupancy()).toList())),
        false);
  }

  public String getForecastError() {
    String code =
        chosenLocation() != null
            ? chosenLocation()
            : getLocations().stream().findFirst().orElse(null);
    if (code == null) {
      return "No locations yet.";
    }
    Forecasts.LocationForecast forecast = forecast(code);
    if (forecast.points().isEmpty()) {
      return "Not enough occupancy history at " + code + " for a forecast yet.";
    }
    return forecast.meanAbsoluteError() == null
        ? "No past forecasts to compare yet."
        : String.format(
            Locale.ROOT,
            "Mean absolute error of %d past forecasts: %.1f people",
            forecast.pastForecasts(),
            forecast.meanAbsoluteError());
  }

  private Forecasts.LocationForecast forecast(String code) {
    return Memo.of("analytics.forecast." + code, () -> forecasts.forecast(code, Instant.now()));
  }

  /** Links to the export API for the chosen range. */
  public String export(String kind, String format) {
    return "api/analytics/export?kind="
        + kind
        + "&format="
        + format
        + "&from="
        + from()
        + "&to="
        + to();
  }
}
