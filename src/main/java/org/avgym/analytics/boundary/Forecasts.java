package org.avgym.analytics.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.avgym.analytics.control.OccupancyForecast;
import org.avgym.analytics.entity.Forecast;
import org.avgym.analytics.entity.ForecastPoint;
import org.avgym.analytics.entity.OccupancySample;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Occupancy forecasts per location for the next two hours from the sampled occupancy history, with
 * the mean absolute error of the forecasts the same method would have made over the past day.
 */
@Stateless
public class Forecasts {

  /** A forecast and how wrong such forecasts were lately (null when nothing to compare). */
  public record LocationForecast(
      String location,
      int capacity,
      Double level,
      List<ForecastPoint> points,
      Double meanAbsoluteError,
      int pastForecasts) {}

  @PersistenceContext EntityManager em;
  @Inject Locations locations;

  @Inject
  @ConfigProperty(name = "avgym.analytics.forecast.history-days", defaultValue = "28")
  int historyDays;

  public LocationForecast forecast(String code, Instant now) {
    Location location = locations.require(code);
    List<OccupancySample> history = history(code, now.minus(Duration.ofDays(historyDays)), now);
    OccupancyForecast method =
        new OccupancyForecast(location.getZone(), Math.max(1, location.getCapacity()));
    Forecast forecast = method.forecast(history, now);
    List<ForecastPoint> past = new ArrayList<>();
    int made = 0;
    for (Instant t = now.minus(Duration.ofHours(24));
        t.isBefore(now.minus(OccupancyForecast.HORIZON));
        t = t.plus(OccupancyForecast.HORIZON)) {
      Instant at = t;
      Forecast then =
          method.forecast(history.stream().filter(s -> s.at().isBefore(at)).toList(), at);
      if (then.enoughHistory()) {
        past.addAll(then.points());
        made++;
      }
    }
    OptionalDouble mae = OccupancyForecast.meanAbsoluteError(past, history);
    return new LocationForecast(
        code,
        location.getCapacity(),
        Double.isFinite(forecast.level()) ? forecast.level() : null,
        forecast.points(),
        mae.isPresent() ? mae.getAsDouble() : null,
        made);
  }

  /** Occupancy samples averaged per quarter hour, so 28 days stay a few thousand points. */
  List<OccupancySample> history(String code, Instant from, Instant to) {
    Map<Instant, double[]> quarters = new TreeMap<>();
    long quarter = OccupancyForecast.STEP.toSeconds();
    em.createQuery(
            "select s.at, s.value from MetricSample s where s.metric = 'occupancy'"
                + " and s.subject = :code and s.at >= :from and s.at < :to",
            Object[].class)
        .setParameter("code", code)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .forEach(
            row -> {
              Instant at = (Instant) row[0];
              Instant q = Instant.ofEpochSecond(at.getEpochSecond() / quarter * quarter);
              double[] sum = quarters.computeIfAbsent(q, k -> new double[2]);
              sum[0] += ((Number) row[1]).doubleValue();
              sum[1]++;
            });
    List<OccupancySample> samples = new ArrayList<>();
    quarters.forEach((q, sum) -> samples.add(new OccupancySample(q, sum[0] / sum[1])));
    return samples;
  }
}
