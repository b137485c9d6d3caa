package org.avgym.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.avgym.members.entity.Credential;
import org.junit.jupiter.api.Test;

class CredentialValuesTest {

  @Test
  void prefixesTheKindAndAddsTwelveUnambiguousCharacters() {
    String value = CredentialValues.generate(Credential.Kind.CARD);
    assertTrue(value.matches("CARD-[2-9A-HJ-NP-Z]{12}"), value);
    assertTrue(CredentialValues.generate(Credential.Kind.QR).startsWith("QR-"));
  }

  @Test
  void generatesDifferentValuesEachTime() {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      values.add(CredentialValues.generate(Credential.Kind.NFC));
    }
    assertEquals(1000, values.size());
  }
}
