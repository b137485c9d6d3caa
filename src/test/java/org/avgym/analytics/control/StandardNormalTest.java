package org.avgym.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNormalTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0.5",
    "1, 0.8413447460685429",
    "-1, 0.15865525393145707",
    "1.959963984540054, 0.975",
    "2.5, 0.9937903346742238",
    "-3, 0.0013498980316301",
    "6, 0.9999999990134123"
  })
  void cdfMatchesTabulatedValues(double x, double expected) {
    assertEquals(expected, StandardNormal.cdf(x), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.4795001221869535",
    "1, 0.15729920705028513",
    "2.4999, 0.0004071699003334514",
    "3, 2.209049699858544e-05",
    "5, 1.5374597944280349e-12",
    "30, 0"
  })
  void erfcIsAccurateOnBothSidesOfTheMethodSwitch(double x, double expected) {
    assertEquals(expected, StandardNormal.erfc(x), Math.max(expected * 1e-12, Double.MIN_VALUE));
  }

  @Test
  void twoSidedPOfZeroIsOne() {
    assertEquals(1, StandardNormal.twoSidedP(0), 1e-15);
    assertEquals(0.05, StandardNormal.twoSidedP(-1.959963984540054), 1e-12);
  }

  @Test
  void rejectsNotANumber() {
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.cdf(Double.NaN));
  }
}
