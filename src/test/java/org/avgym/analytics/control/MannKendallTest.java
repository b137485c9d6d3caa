package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.avgym.analytics.entity.MannKendallResult;
import org.avgym.analytics.entity.Trend;
import org.junit.jupiter.api.Test;

class MannKendallTest {

  private final MannKendall mannKendall = new MannKendall();

  @Test
  void strictlyIncreasingTenValuesGiveMaximalS() {
    MannKendallResult result = mannKendall.test(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    assertEquals(45, result.s()); // every one of the 10·9/2 pairs rises
    assertEquals(125, result.varianceS(), 1e-12); // 10·9·25/18
    assertEquals(44 / Math.sqrt(125), result.z(), 1e-12);
    assertEquals(StandardNormal.twoSidedP(44 / Math.sqrt(125)), result.pValue(), 1e-15);
    assertEquals(Trend.UP, result.trend());
  }

  @Test
  void strictlyDecreasingSeriesIsDown() {
    MannKendallResult result = mannKendall.test(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);

    assertEquals(-45, result.s());
    assertEquals(-44 / Math.sqrt(125), result.z(), 1e-12);
    assertEquals(Trend.DOWN, result.trend());
  }

  @Test
  void constantSeriesIsStableWithPOne() {
    MannKendallResult result = mannKendall.test(List.of(4.0, 4.0, 4.0, 4.0, 4.0));

    assertEquals(0, result.s());
    assertEquals(0, result.varianceS(), 1e-12); // 5·4·15 − 5·4·15, all one tie group
    assertEquals(1, result.pValue(), 1e-15);
    assertEquals(Trend.STABLE, result.trend());
  }

  @Test
  void tiesReduceTheVarianceAsInTheTextbookFormula() {
    // 1, 2, 2, 3, 3, 3, 4: 21 pairs, 1 + 3 tied, none falling → S = 17
    // Var = [7·6·19 − 2·1·9 − 3·2·11] / 18 = (798 − 18 − 66) / 18 = 714 / 18
    MannKendallResult result = mannKendall.test(1, 2, 2, 3, 3, 3, 4);

    assertEquals(17, result.s());
    assertEquals(714.0 / 18, result.varianceS(), 1e-12);
    assertEquals(16 / Math.sqrt(714.0 / 18), result.z(), 1e-12); // ≈ 2.540
    assertEquals(0.01107, result.pValue(), 1e-5);
    assertEquals(Trend.UP, result.trend());
  }

  @Test
  void noisyFlatSeriesIsNotSignificant() {
    MannKendallResult result = mannKendall.test(5, 3, 6, 4, 5, 3, 6, 4);

    assertEquals(Trend.STABLE, result.trend());
  }

  @Test
  void alphaDecidesSignificance() {
    double[] series = {1, 2, 2, 3, 3, 3, 4}; // p ≈ 0.011

    assertEquals(Trend.STABLE, new MannKendall(0.01).test(series).trend());
    assertEquals(Trend.UP, new MannKendall(0.05).test(series).trend());
  }

  @Test
  void fewerThanThreeValuesAreStableWithPOne() {
    MannKendallResult result = mannKendall.test(1, 100);

    assertEquals(MannKendallResult.notTestable(2), result);
    assertEquals(Trend.STABLE, mannKendall.test().trend());
  }

  @Test
  void rejectsMissingAndNotANumberValues() {
    assertThrows(IllegalArgumentException.class, () -> mannKendall.test((List<Double>) null));
    assertThrows(
        IllegalArgumentException.class, () -> mannKendall.test(Arrays.asList(1.0, null, 3.0)));
    assertThrows(IllegalArgumentException.class, () -> mannKendall.test(1, Double.NaN, 3));
    assertThrows(IllegalArgumentException.class, () -> new MannKendall(1.5));
  }
}
