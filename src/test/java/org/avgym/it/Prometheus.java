package org.avgym.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus text format as a scraper reads it: samples by family name with their labels, and the
 * TYPE and HELP metadata lines. A line that is neither metadata nor a valid sample fails the parse.
 */
public final class Prometheus {

  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<Sample> samples = new ArrayList<>();
  private final Map<String, String> types = new HashMap<>();
  private final Set<String> described = new HashSet<>();

  public static Prometheus parse(String text) {
    Prometheus parsed = new Prometheus();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        parsed.types.put(parts[2], parts[3]);
      } else if (line.startsWith("# HELP ")) {
        parsed.described.add(line.split(" ")[2]);
      } else if (!line.startsWith("#")) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
          throw new AssertionError("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new HashMap<>();
        if (sample.group(2) != null) {
          Matcher label = LABEL.matcher(sample.group(2));
          while (label.find()) {
            labels.put(label.group(1), label.group(2));
          }
        }
        parsed.samples.add(
            new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
      }
    }
    return parsed;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The one value of a family's sample with these label values (other labels ignored). */
  public double value(String name, String... labelPairs) {
    List<Sample> matching =
        samples(name).stream()
            .filter(
                s -> {
                  for (int i = 0; i < labelPairs.length; i += 2) {
                    if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) {
                      return false;
                    }
                  }
                  return true;
                })
            .toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected one sample of " + name + " " + List.of(labelPairs) + ", got " + matching);
    }
    return matching.get(0).value();
  }

  public Map<String, String> types() {
    return types;
  }

  public boolean described(String family) {
    return described.contains(family);
  }
}
