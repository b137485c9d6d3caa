package org.avgym.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
  @Test
  void matchesTheRfc4231Vector() {
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Signature.of("Jefe", bytes("what do ya want for nothing?")));
  }

  @Test
  void verifiesTheExactBodyOnly() {
    String body = "{\"kind\":\"alert.firing\",\"text\":\"Größe\"}";
    String header = Signature.of("a-signing-key-of-16+", bytes(body));
    assertTrue(Signature.verify("a-signing-key-of-16+", bytes(body), header));
    assertFalse(Signature.verify("a-signing-key-of-16+", bytes(body + " "), header));
    assertFalse(Signature.verify("another-signing-key!", bytes(body), header));
    assertFalse(Signature.verify("a-signing-key-of-16+", bytes(body), null));
  }

  @Test
  void refusesToSignWithoutAKey() {
    assertThrows(IllegalArgumentException.class, () -> Signature.of("", bytes("{}")));
  }
}
