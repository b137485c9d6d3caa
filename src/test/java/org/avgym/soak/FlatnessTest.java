package org.avgym.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlatnessTest {

  @Test
  void aPlateauAfterWarmUpIsFlat() {
    Flatness heap = Flatness.of("heap", List.of(100.0, 150.0, 190.0, 200.0, 195.0, 205.0), 0.10);
    assertTrue(heap.judged());
    assertEquals(195.0, heap.middleMean(), 1e-9);
    assertEquals(200.0, heap.lastMean(), 1e-9);
    assertTrue(heap.flat(), heap.verdict());
  }

  @Test
  void aSteadyClimbIsNotFlat() {
    Flatness threads =
        Flatness.of("threads", List.of(400.0, 420.0, 440.0, 460.0, 480.0, 520.0), 0.10);
    assertFalse(threads.flat(), threads.verdict());
    assertTrue(threads.verdict().contains("NOT FLAT"));
  }

  @Test
  void fewerThanSixSamplesAreNotJudged() {
    Flatness files = Flatness.of("open files", List.of(1.0, 2.0, 400.0), 0.10);
    assertFalse(files.judged());
    assertTrue(files.flat());
    assertTrue(files.verdict().contains("not judged"), files.verdict());
  }

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    List<Long> nanos = new java.util.ArrayList<>();
    for (long ms = 1; ms <= 100; ms++) {
      nanos.add(ms * 1_000_000);
    }
    Percentiles p = Percentiles.of(nanos);
    assertEquals(50.0, p.p50());
    assertEquals(95.0, p.p95());
    assertEquals(99.0, p.p99());
    assertTrue(Double.isNaN(Percentiles.of(List.of()).p99()));
  }
}
