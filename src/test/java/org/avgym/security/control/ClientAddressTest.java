package org.avgym.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void forwardedForCountsOnlyFromATrustedProxy() {
    Set<String> proxies = ClientAddress.proxies(" 10.0.0.2 ,10.0.0.3");
    assertEquals("203.0.113.7", ClientAddress.of("10.0.0.2", "203.0.113.7", proxies));
    assertEquals(
        "203.0.113.7", ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.3", proxies));
    assertEquals("198.51.100.9", ClientAddress.of("198.51.100.9", "203.0.113.7", proxies));
    assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, proxies));
    assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "203.0.113.7", Set.of()));
  }
}
