package org.avgym.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.avgym.analytics.entity.Severity;
import org.avgym.notify.entity.ChannelInput;
import org.avgym.notify.entity.ChannelKind;
import org.avgym.notify.entity.ChannelSettings;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.EndpointAddresses;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

  /**
   * Address literals are themselves; "localhost" is loopback; every other name resolves to a public
   * documentation address, without asking DNS.
   */
  private static final EndpointAddresses.Resolver DNS =
      host ->
          new InetAddress[] {
            InetAddress.getByName(
                host.matches("[0-9.]+|.*:.*")
                    ? host
                    : host.equals("localhost") ? "127.0.0.1" : "203.0.113.7")
          };

  private static final ChannelRules.Context WEB_ONLY =
      new ChannelRules.Context(new EndpointAddresses(List.of()), DNS, false);

  private static final ChannelRules.Context WITH_MAIL =
      new ChannelRules.Context(new EndpointAddresses(List.of()), DNS, true);

  private static ChannelInput webhook(String url) {
    return new ChannelInput("ops-chat", null, url, null, null, null, null);
  }

  private static Refusal refused(ChannelInput input, ChannelRules.Context context) {
    return assertThrows(Refusal.class, () -> ChannelRules.check(input, true, context));
  }

  @Test
  void acceptsAWebhookWithDefaultsAndAGeneratedKey() {
    ChannelSettings settings =
        ChannelRules.check(
            webhook(" https://hooks.example.com/services/T0/B0/x?y=1 "), true, WEB_ONLY);
    assertEquals("ops-chat", settings.name());
    assertEquals(ChannelKind.WEBHOOK, settings.kind());
    assertEquals("https://hooks.example.com/services/T0/B0/x?y=1", settings.target());
    assertEquals(Severity.WARNING, settings.minSeverity());
    assertEquals(List.of(), settings.rules());
    assertTrue(settings.enabled());
    assertEquals(43, settings.secret().length()); // 32 bytes, base64url
    assertNotEquals(
        settings.secret(),
        ChannelRules.check(webhook("http://example.com/"), true, WEB_ONLY).secret());
  }

  @Test
  void anUpdateWithoutAKeyKeepsTheStoredOne() {
    assertNull(ChannelRules.check(webhook("https://example.com/hook"), false, WEB_ONLY).secret());
  }

  @Test
  void refusesMalformedWebhookUrlsNamingTheTarget() {
    for (String bad :
        new String[] {
          "",
          "not a url",
          "hooks.example.com/x",
          "/relative/path",
          "ftp://example.com/x",
          "ws://example.com/x",
          "http://",
          "https://user:pw@example.com/x",
          "https://example.com/x#frag",
          "javascript:alert(1)",
          "http://exa mple.com/"
        }) {
      Refusal refusal = refused(webhook(bad), WEB_ONLY);
      assertEquals("target", refusal.field(), bad);
      assertEquals(Refusal.Kind.INVALID, refusal.kind(), bad);
    }
    assertEquals(
        "target", refused(webhook("https://example.com/" + "x".repeat(1024)), WEB_ONLY).field());
  }

  @Test
  void refusesWebhooksIntoTheServersOwnNetworkUnlessAllowed() {
    Refusal loopback = refused(webhook("http://localhost:9000/hook"), WEB_ONLY);
    assertEquals("target", loopback.field());
    assertTrue(loopback.getMessage().contains("refused"), loopback.getMessage());
    assertEquals("target", refused(webhook("http://169.254.169.254/latest"), WEB_ONLY).field());
    ChannelRules.Context loopbackAllowed =
        new ChannelRules.Context(new EndpointAddresses(EndpointAddresses.LOOPBACK), DNS, false);
    assertEquals(
        "http://localhost:9000/hook",
        ChannelRules.check(webhook("http://localhost:9000/hook"), true, loopbackAllowed).target());
  }

  @Test
  void refusesBadNamesSeveritiesKindsKeysAndRules() {
    String url = "https://example.com/hook";
    assertEquals("body", refused(null, WEB_ONLY).field());
    assertEquals(
        "name",
        refused(new ChannelInput(null, null, url, null, null, null, null), WEB_ONLY).field());
    assertEquals(
        "name",
        refused(new ChannelInput("has space", null, url, null, null, null, null), WEB_ONLY)
            .field());
    assertEquals(
        "name",
        refused(new ChannelInput("x".repeat(65), null, url, null, null, null, null), WEB_ONLY)
            .field());
    assertEquals(
        "kind",
        refused(new ChannelInput("a", "SMS", url, null, null, null, null), WEB_ONLY).field());
    assertEquals(
        "minSeverity",
        refused(new ChannelInput("a", null, url, null, "LOUD", null, null), WEB_ONLY).field());
    assertEquals(
        "secret",
        refused(new ChannelInput("a", null, url, "short", null, null, null), WEB_ONLY).field());
    assertEquals(
        "rules",
        refused(
                new ChannelInput("a", null, url, null, null, List.of("ok", "not ok"), null),
                WEB_ONLY)
            .field());
    ChannelSettings settings =
        ChannelRules.check(
            new ChannelInput(
                "a", "webhook", url, "k".repeat(16), "critical", List.of("x", "x", "y"), false),
            true,
            WEB_ONLY);
    assertEquals(Severity.CRITICAL, settings.minSeverity());
    assertEquals("k".repeat(16), settings.secret());
    assertEquals(List.of("x", "y"), settings.rules());
    assertEquals(false, settings.enabled());
  }

  @Test
  void emailNeedsAMailSessionAndValidAddresses() {
    ChannelInput mail =
        new ChannelInput(
            "desk", "EMAIL", "ops@example.com, desk@example.org", null, "INFO", null, null);
    Refusal noSession = refused(mail, WEB_ONLY);
    assertEquals("kind", noSession.field());
    assertTrue(noSession.getMessage().contains("Jakarta Mail"), noSession.getMessage());
    ChannelSettings settings = ChannelRules.check(mail, true, WITH_MAIL);
    assertEquals(ChannelKind.EMAIL, settings.kind());
    assertEquals("ops@example.com,desk@example.org", settings.target());
    assertNull(settings.secret());
    for (String bad :
        new String[] {
          "", "ops", "ops@", "@example.com", "a@b", "Ops <ops@example.com>", "a@example.com,,"
        }) {
      assertEquals(
          "target",
          refused(new ChannelInput("desk", "EMAIL", bad, null, null, null, null), WITH_MAIL)
              .field(),
          bad);
    }
    assertEquals(
        "secret",
        refused(
                new ChannelInput(
                    "desk", "EMAIL", "ops@example.com", "k".repeat(20), null, null, null),
                WITH_MAIL)
            .field());
  }
}
