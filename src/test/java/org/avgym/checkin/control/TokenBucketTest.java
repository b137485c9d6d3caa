package org.avgym.checkin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void servesABurstThenRefusesUntilTokensRefill() {
    TokenBucket bucket = new TokenBucket(20, 40, 0);
    for (int i = 0; i < 40; i++) {
      assertTrue(bucket.tryTake(0), "message " + i + " of the burst");
    }
    assertFalse(bucket.tryTake(0));
    assertFalse(bucket.tryTake(SECOND / 40), "half a token is not a token");
    assertTrue(bucket.tryTake(SECOND / 20));
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(20, 5, 0);
    int served = 0;
    while (bucket.tryTake(60 * SECOND)) {
      served++;
    }
    assertTrue(served == 5, "served " + served);
  }

  @Test
  void refusesANonsenseConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(20, 0, 0));
  }
}
