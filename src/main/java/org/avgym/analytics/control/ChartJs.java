package org.avgym.analytics.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Chart.js configurations as JSON text, the model PrimeFaces' {@code p:chart} takes: line and area
 * charts over time, bar and pie charts over categories. Labels are plain strings; values are finite
 * numbers (others are left out as gaps).
 */
public final class ChartJs {

  /** Looked up once: {@code Json.*} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** One line of a chart. */
  public record Series(String label, List<Double> values) {}

  /** Series with at most this many points draw them; longer ones are plain lines. */
  static final int SHOW_POINTS_UP_TO = 48;

  private ChartJs() {}

  public static String line(List<String> labels, List<Series> series, boolean area) {
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    for (Series s : series) {
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", s.label())
              .add("data", numbers(s.values()))
              .add("fill", area)
              .add("tension", 0.2)
              // Points on short series: a single hour would otherwise draw nothing at all.
              .add("pointRadius", labels.size() <= SHOW_POINTS_UP_TO ? 3 : 0));
    }
    return chart("line", labels, datasets, true);
  }

  public static String bar(List<String> labels, String label, List<Double> values) {
    return chart("bar", labels, JSON.createArrayBuilder().add(dataset(label, values)), true);
  }

  public static String pie(List<String> labels, List<Double> values) {
    return chart("pie", labels, JSON.createArrayBuilder().add(dataset("", values)), false);
  }

  private static JsonObjectBuilder dataset(String label, List<Double> values) {
    return JSON.createObjectBuilder().add("label", label).add("data", numbers(values));
  }

  private static String chart(
      String type, List<String> labels, JsonArrayBuilder datasets, boolean axes) {
    JsonArrayBuilder labelArray = JSON.createArrayBuilder();
    labels.forEach(labelArray::add);
    JsonObjectBuilder options =
        JSON.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false);
    if (axes) {
      options.add(
          "scales",
          JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("beginAtZero", true)));
    }
    return JSON.createObjectBuilder()
        .add("type", type)
        .add("data", JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }

  private static JsonArrayBuilder numbers(List<Double> values) {
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (Double v : values) {
      if (v == null || !Double.isFinite(v)) {
        data.addNull();
      } else {
        data.add(v);
      }
    }
    return data;
  }
}
