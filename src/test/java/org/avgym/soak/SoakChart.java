package org.avgym.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The soak's samples drawn as plain SVG: one small panel per series (a polyline over the minutes,
 * with its minimum and maximum written beside it), so a slow climb is visible at a glance.
 */
final class SoakChart {

  record Series(String title, ToDoubleFunction<SoakSample> value) {}

  static final List<Series> SERIES =
      List.of(
          new Series("heap after GC, MB", SoakSample::heapMb),
          new Series("threads", s -> s.threads()),
          new Series("open files", s -> s.openFiles()),
          new Series("resident memory, MB", SoakSample::rssMb),
          new Series("pool outbox depth", s -> s.outboxDepth()),
          new Series("check-in answer p99, ms", SoakSample::p99Ms));

  private static final int WIDTH = 360;
  private static final int HEIGHT = 150;
  private static final int COLUMNS = 2;
  private static final int MARGIN = 40;
  private static final int TOP = 24;

  private SoakChart() {}

  static String svg(List<SoakSample> samples, String caption) {
    int rows = (SERIES.size() + COLUMNS - 1) / COLUMNS;
    int width = COLUMNS * WIDTH;
    int height = rows * HEIGHT + TOP;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            width,
            height,
            width,
            height));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(
        String.format(
            Locale.ROOT, "<text x=\"8\" y=\"16\" font-size=\"13\">%s</text>%n", escape(caption)));
    for (int i = 0; i < SERIES.size(); i++) {
      panel(svg, SERIES.get(i), samples, (i % COLUMNS) * WIDTH, TOP + (i / COLUMNS) * HEIGHT);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void panel(
      StringBuilder svg, Series series, List<SoakSample> samples, int x0, int y0) {
    int left = x0 + MARGIN;
    int right = x0 + WIDTH - 12;
    int top = y0 + 20;
    int bottom = y0 + HEIGHT - 22;
    double[] values = samples.stream().mapToDouble(series.value()).toArray();
    double min = 0;
    double observedMin =
        java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(0);
    double observedMax =
        java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(0);
    double max = observedMax > min ? observedMax : min + 1;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g><text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n"
                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#bbb\"/>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n"
                + "<text x=\"%d\" y=\"%d\">minute 1</text>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n",
            x0 + 8,
            y0 + 14,
            escape(series.title()),
            left,
            top,
            right - left,
            bottom - top,
            left - 4,
            top + 4,
            number(max),
            left - 4,
            bottom,
            left,
            bottom + 14,
            right,
            bottom + 14,
            values.length));
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        continue;
      }
      double x =
          values.length == 1 ? left : left + (double) (right - left) * i / (values.length - 1);
      double y = bottom - (bottom - top) * (values[i] - min) / (max - min);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"%s\"/>%n"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">min %s, max %s</text>"
                + "</g>%n",
            points.toString().trim(),
            right,
            y0 + 14,
            number(observedMin),
            number(observedMax)));
  }

  private static String number(double value) {
    return value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
