package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolSettings;
import org.avgym.pools.entity.StrategyName;
import org.junit.jupiter.api.Test;

class PoolRulesTest {

  private static PoolInput input(Long intervalMs, Long ackMinMs, Long ackMaxMs) {
    return new PoolInput("p", null, null, intervalMs, null, null, ackMinMs, ackMaxMs, null, null);
  }

  private static String refusedField(Runnable call) {
    return assertThrows(Refusal.class, call::run).field();
  }

  @Test
  void urlsMustBeWebSocketUrlsWithAHost() {
    assertEquals("ws://127.0.0.1:8080/ws", PoolRules.url("url", " ws://127.0.0.1:8080/ws "));
    assertEquals("wss://gw.example.com/x", PoolRules.url("url", "wss://gw.example.com/x"));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "http://gw.example.com/x")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "ws:///no-host")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "ws://bad host/")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "  ")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", null)));
  }

  @Test
  void urlsCarryNoCredentialsAndShowNoQueryValues() {
    assertEquals(
        "url", refusedField(() -> PoolRules.url("url", "wss://user:secret@gw.example.com/x")));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "wss://gw.example.com/x#frag")));
    assertEquals(
        "wss://gw.example.com/x?token=…&name=…&flag",
        PoolRules.shown("wss://gw.example.com/x?token=s3cret&name=a&flag"));
    assertEquals("wss://gw.example.com/x", PoolRules.shown("wss://gw.example.com/x"));
  }

  @Test
  void addressesOfMetadataLinkLocalAndPrivateNetworksAreRefused() {
    EndpointAddresses none = EndpointAddresses.of(" ", List.of());
    EndpointAddresses.Resolver dns = EndpointAddresses.Resolver.DNS; // literals: no look-up
    for (String url :
        List.of(
            "ws://169.254.169.254/latest/meta-data",
            "ws://[fe80::1]/x",
            "ws://100.100.100.200/x",
            "ws://[fd00:ec2::254]/x",
            "ws://0.0.0.0:8080/x",
            "ws://224.0.0.1/x",
            "ws://127.0.0.1:4848/x",
            "ws://[::1]/x",
            "ws://10.1.2.3/x",
            "ws://172.16.0.9/x",
            "ws://192.168.1.1/x",
            "ws://100.64.0.1/x",
            "ws://[fd12::1]/x",
            "ws://[::ffff:169.254.169.254]/x",
            "ws://metadata.google.internal/x")) {
      assertEquals("url", refusedField(() -> PoolRules.url("url", url, none, dns)), url);
    }
    assertEquals("ws://93.184.216.34/x", PoolRules.url("url", "ws://93.184.216.34/x", none, dns));
    EndpointAddresses doors = EndpointAddresses.of("10.20.0.0/16, 169.254.0.0/16", List.of());
    assertEquals("ws://10.20.3.4/x", PoolRules.url("url", "ws://10.20.3.4/x", doors, dns));
    assertEquals("url", refusedField(() -> PoolRules.url("url", "ws://10.21.3.4/x", doors, dns)));
    assertEquals(
        "url",
        refusedField(() -> PoolRules.url("url", "ws://169.254.169.254/x", doors, dns)),
        "link-local is never allowed");
    EndpointAddresses loopback = EndpointAddresses.of("", EndpointAddresses.LOOPBACK);
    assertEquals(
        "ws://127.0.0.1:8080/ws", PoolRules.url("url", "ws://127.0.0.1:8080/ws", loopback, dns));
  }

  @Test
  void aHostNameIsCheckedByEveryAddressItResolvesTo() throws Exception {
    EndpointAddresses none = EndpointAddresses.of("", List.of());
    java.net.InetAddress metadata = java.net.InetAddress.getByName("169.254.169.254");
    java.net.InetAddress outside = java.net.InetAddress.getByName("93.184.216.34");
    EndpointAddresses.Resolver rebinding = host -> new java.net.InetAddress[] {outside, metadata};
    assertEquals(
        "url", refusedField(() -> PoolRules.url("url", "wss://gw.example.com/x", none, rebinding)));
    EndpointAddresses.Resolver unknown =
        host -> {
          throw new java.net.UnknownHostException(host);
        };
    assertEquals(
        "url", refusedField(() -> PoolRules.url("url", "wss://gw.example.com/x", none, unknown)));
    assertEquals(
        "wss://gw.example.com/x",
        PoolRules.url(
            "url", "wss://gw.example.com/x", none, host -> new java.net.InetAddress[] {outside}));
  }

  @Test
  void networksAreParsedFromCidr() {
    assertThrows(IllegalArgumentException.class, () -> EndpointAddresses.Network.parse("cafe/16"));
    assertThrows(
        IllegalArgumentException.class, () -> EndpointAddresses.Network.parse("10.0.0.0/33"));
  }

  @Test
  void namesAreLowerCaseSlugs() {
    assertEquals("door-controllers", PoolRules.name(" door-controllers "));
    assertEquals("name", refusedField(() -> PoolRules.name("Door Controllers")));
    assertEquals("name", refusedField(() -> PoolRules.name("-leading-dash")));
    assertEquals("name", refusedField(() -> PoolRules.name("x".repeat(65))));
    assertEquals("name", refusedField(() -> PoolRules.name("")));
  }

  @Test
  void missingFieldsKeepTheDefaults() {
    PoolSettings settings = PoolRules.settings(input(null, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(PoolRules.DEFAULTS, settings);
    assertEquals(StrategyName.HEALTH_WEIGHTED, settings.strategy());
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    PoolSettings base = PoolRules.DEFAULTS;
    assertEquals(
        "healthCheckIntervalMs",
        refusedField(() -> PoolRules.settings(input(100L, null, null), base, 0)));
    assertEquals(
        "healthCheckIntervalMs",
        refusedField(() -> PoolRules.settings(input(3_600_000L, null, null), base, 0)));
    assertEquals(
        "ackTimeoutMinMs",
        refusedField(() -> PoolRules.settings(input(5000L, 2000L, 1000L), base, 0)));
    assertEquals(
        "strategy",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, null, null, null, "fastest", null, null, null, null),
                    base,
                    0)));
    assertEquals(
        "maxConnections",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, 2, null, null, null, null, null, null, null),
                    base,
                    3)));
    assertEquals(
        "topics",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", List.of(), null, null, null, null, null, null, null, null),
                    base,
                    0)));
    assertEquals(
        "outboxLimit",
        refusedField(
            () ->
                PoolRules.settings(
                    new PoolInput("p", null, null, null, null, null, null, null, 0, null),
                    base,
                    0)));
  }

  @Test
  void theAckTimeoutNeverOutlastsOneHealthInterval() {
    Refusal explicit =
        assertThrows(
            Refusal.class,
            () -> PoolRules.settings(input(1000L, null, 2000L), PoolRules.DEFAULTS, 0));
    assertEquals("ackTimeoutMaxMs", explicit.field());
    assertTrue(explicit.getMessage().contains("within one health interval"));

    PoolSettings inherited = PoolRules.settings(input(1000L, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(Duration.ofSeconds(1), inherited.ackTimeoutMax());
    assertEquals(PoolRules.DEFAULTS.ackTimeoutMin(), inherited.ackTimeoutMin());

    PoolSettings tight = PoolRules.settings(input(500L, null, null), PoolRules.DEFAULTS, 0);
    assertEquals(Duration.ofMillis(500), tight.ackTimeoutMax());
    assertTrue(tight.ackTimeoutMin().compareTo(tight.ackTimeoutMax()) <= 0);
  }
}
