package org.avgym.platform.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Corrects two faults of Payara 6's Prometheus text for timers, leaving everything else as Payara
 * wrote it:
 *
 * <ul>
 *   <li>A timer's quantiles are printed as the raw reservoir values, in nanoseconds, under a {@code
 *       _seconds} name (Payara scales a timer's {@code _mean} and {@code _max} by the declared
 *       unit, and its {@code _sum} is in seconds, but the quantiles of a timer with percentiles
 *       configured — every timer registered by name — are not scaled). The quantiles of the
 *       families named are divided by 10^9.
 *   <li>A timer's {@code _mean} gauge has a TYPE line but no HELP line. One is added after the TYPE
 *       line, from the summary's own help.
 * </ul>
 */
public final class PrometheusText {

  private static final String TYPE = "# TYPE ";
  private static final String HELP = "# HELP ";
  private static final String MEAN = "_mean";
  private static final double NANOS_PER_SECOND = 1e9;

  private PrometheusText() {}

  /**
   * @param nanosecondQuantiles summary families (e.g. {@code avgym_checkin_decision_seconds}) whose
   *     quantiles Payara prints in nanoseconds
   */
  public static String corrected(String text, Set<String> nanosecondQuantiles) {
    String[] lines = text.split("\n", -1);
    Map<String, String> help = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith(HELP)) {
        int space = line.indexOf(' ', HELP.length());
        if (space > 0) {
          help.put(line.substring(HELP.length(), space), line.substring(space + 1));
        }
      }
    }
    Set<String> described = new HashSet<>(help.keySet());
    StringBuilder out = new StringBuilder(text.length() + 1024);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      out.append(inSeconds(line, nanosecondQuantiles));
      if (i < lines.length - 1) {
        out.append('\n');
      }
      String mean = meanFamily(line);
      if (mean != null && !described.contains(mean)) {
        String about = help.getOrDefault(mean.substring(0, mean.length() - MEAN.length()), "");
        out.append(HELP)
            .append(mean)
            .append(" Recent mean")
            .append(about.isBlank() ? "" : " of: " + about)
            .append('\n');
        described.add(mean);
      }
    }
    return out.toString();
  }

  /**
   * A quantile sample of one of the families, with its value in seconds; other lines as they are.
   */
  private static String inSeconds(String line, Set<String> families) {
    int brace = line.indexOf('{');
    if (brace <= 0 || line.startsWith("#") || !families.contains(line.substring(0, brace))) {
      return line;
    }
    int close = line.lastIndexOf('}');
    if (close < brace || !line.substring(brace, close).contains("quantile=\"")) {
      return line;
    }
    String value = line.substring(close + 1).trim();
    try {
      double seconds = Double.parseDouble(value) / NANOS_PER_SECOND;
      return line.substring(0, close + 1) + " " + seconds;
    } catch (NumberFormatException notANumber) {
      return line; // NaN and the like stay as they are
    }
  }

  /** The family name of a {@code # TYPE x_mean gauge} line, else null. */
  private static String meanFamily(String line) {
    if (!line.startsWith(TYPE) || !line.endsWith(" gauge")) {
      return null;
    }
    String name = line.substring(TYPE.length(), line.length() - " gauge".length());
    return name.endsWith(MEAN) ? name : null;
  }
}
