package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameLimitsTest {

  @Test
  void countsBytesOfUtf8NotChars() {
    assertFalse(FrameLimits.over("x".repeat(16), 16));
    assertTrue(FrameLimits.over("x".repeat(17), 16));
    assertFalse(FrameLimits.over("č".repeat(8), 16)); // two bytes each
    assertTrue(FrameLimits.over("č".repeat(9), 16));
    assertFalse(FrameLimits.over("€".repeat(5), 16)); // three bytes each
    assertTrue(FrameLimits.over("€".repeat(6), 16));
    assertFalse(FrameLimits.over("😀".repeat(4), 16)); // a surrogate pair is four bytes
    assertTrue(FrameLimits.over("😀".repeat(4) + "x", 16));
  }

  @Test
  void recognisesTheContainersBufferOverflowOnly() {
    assertTrue(FrameLimits.overflowed(new IllegalArgumentException("Buffer overflow.")));
    assertTrue(
        FrameLimits.overflowed(
            new RuntimeException(new IllegalArgumentException("Buffer overflow."))));
    assertFalse(FrameLimits.overflowed(new IllegalArgumentException("bad value")));
    assertFalse(FrameLimits.overflowed(new IllegalStateException("Buffer overflow.")));
  }
}
