package org.avgym.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house in order by reading the sources' imports: the features (the packages under {@code
 * org.avgym}) depend on each other in one direction, and the pages' beans live in {@code
 * dashboard}. The cycles still in the code are listed here, so that no new one creeps in and each
 * one removed is taken off the list (the test fails when a listed cycle is gone, too).
 */
class FeatureDependenciesTest {

  private static final Path SOURCES = Path.of("src/main/java/org/avgym");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?([a-z][\\w.]*)\\.[A-Z]");

  /** Features that assemble the others; nothing depends on them. */
  private static final Set<String> ASSEMBLERS = Set.of("dashboard", "demo", "openapi");

  /** Cycles between features still to be broken (issue 15, "the house in order"). */
  private static final Set<String> KNOWN_CYCLES =
      Set.of("analytics <-> pools", "platform <-> security");

  private static Map<String, Set<String>> imports() {
    Map<String, Set<String>> imports = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String feature = SOURCES.relativize(file).getName(0).toString();
        Set<String> packages = imports.computeIfAbsent(feature, f -> new TreeSet<>());
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        while (matcher.find()) {
          packages.add(matcher.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return imports;
  }

  private static Map<String, Set<String>> featureGraph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    imports()
        .forEach(
            (feature, packages) -> {
              Set<String> uses = new TreeSet<>();
              for (String p : packages) {
                if (p.startsWith("org.avgym.")) {
                  String used = p.substring("org.avgym.".length()).split("\\.")[0];
                  if (!used.equals(feature)) {
                    uses.add(used);
                  }
                }
              }
              graph.put(feature, uses);
            });
    return graph;
  }

  @Test
  void theSourcesAreWhereTheTestLooks() {
    assertTrue(featureGraph().keySet().containsAll(List.of("checkin", "dashboard", "pools")));
  }

  @Test
  void onlyTheDashboardHoldsFacesBeans() {
    Set<String> withFaces = new TreeSet<>();
    imports()
        .forEach(
            (feature, packages) -> {
              if (packages.stream().anyMatch(p -> p.startsWith("jakarta.faces"))) {
                withFaces.add(feature);
              }
            });
    assertEquals(Set.of("dashboard"), withFaces);
  }

  @Test
  void nothingDependsOnTheFeaturesThatAssembleTheOthers() {
    Set<String> offending = new TreeSet<>();
    featureGraph()
        .forEach(
            (feature, uses) ->
                uses.stream()
                    .filter(ASSEMBLERS::contains)
                    .forEach(used -> offending.add(feature + " -> " + used)));
    assertEquals(Set.of(), offending);
  }

  @Test
  void noNewCycleBetweenFeaturesAndNoneForgottenOnTheList() {
    Map<String, Set<String>> graph = featureGraph();
    Set<String> cycles = new TreeSet<>();
    graph.forEach(
        (a, uses) ->
            uses.forEach(
                b -> {
                  if (a.compareTo(b) < 0 && graph.getOrDefault(b, Set.of()).contains(a)) {
                    cycles.add(a + " <-> " + b);
                  }
                }));
    assertEquals(new TreeSet<>(KNOWN_CYCLES), cycles, "feature graph: " + graph);
  }
}
