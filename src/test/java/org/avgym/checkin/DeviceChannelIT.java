package org.avgym.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.TcpProxy;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The device channel over real WebSockets, exactly per PROTOCOL.md §1. */
@ExtendWith(ArquillianExtension.class)
class DeviceChannelIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TcpProxy database;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestDatabase.Proxied db = TestDatabase.proxied();
    database = db.proxy();
    Map<String, String> settings = db.settings();
    settings.put("avgym.devices.rate-per-second", "20");
    settings.put("avgym.devices.rate-burst", "20");
    return Deployments.avgym(settings);
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private Fixtures fixtures() {
    return new Fixtures(admin());
  }

  private URI devices() {
    return WsClient.ws(base, "/ws/devices");
  }

  private WsClient open(Fixtures.DeviceKey device) {
    WsClient client =
        WsClient.connect(devices(), Map.of("Authorization", "Bearer " + device.token()));
    JsonObject welcome = client.nextJson(WAIT);
    assertEquals("welcome", welcome.getString("type"));
    assertEquals(device.code(), welcome.getString("device"));
    assertTrue(welcome.getInt("heartbeatSeconds") > 0);
    return client;
  }

  private static JsonObject checkin(
      WsClient client, String id, String credential, String direction) {
    client.send(
        "{\"type\":\"checkin\",\"id\":\""
            + id
            + "\",\"credential\":\""
            + credential
            + "\",\"direction\":\""
            + direction
            + "\",\"method\":\"card\"}");
    return client.nextOfType("checkin.result", WAIT);
  }

  private static List<String> reasons(JsonObject result) {
    return result.getJsonArray("reasons").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void grantsAnActiveMemberAndCountsThemInside() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    String card = fx.activeMember(location, "Ana Novak");
    try (WsClient client = open(fx.device(location))) {
      JsonObject result = checkin(client, UUID.randomUUID().toString(), card, "in");
      assertEquals("granted", result.getString("decision"));
      assertTrue(reasons(result).isEmpty());
      assertEquals("Ana Novak", result.getJsonObject("member").getString("name"));
      assertEquals(location, result.getString("location"));
      assertEquals(1, result.getInt("occupancy"));
      assertEquals(50, result.getInt("capacity"));
      assertTrue(result.getJsonNumber("checkinId").longValue() > 0);

      JsonObject out = checkin(client, UUID.randomUUID().toString(), card, "out");
      assertEquals("granted", out.getString("decision"));
      assertEquals(0, out.getInt("occupancy"));
    }
  }

  @Test
  void deniesWithEveryFailingReasonNotJustTheFirst() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    String elsewhere = fx.location(50);
    long plan = fx.plan("SUN 03:00-03:01", elsewhere);
    long member = fx.member("Zoë Expired");
    fx.membership(member, plan, Instant.now().minus(Duration.ofDays(40)));
    String card = fx.credential(member);
    try (WsClient client = open(fx.device(location))) {
      JsonObject result = checkin(client, UUID.randomUUID().toString(), card, "in");
      assertEquals("denied", result.getString("decision"));
      List<String> reasons = reasons(result);
      assertTrue(reasons.contains("MEMBERSHIP_EXPIRED"), reasons.toString());
      assertTrue(reasons.contains("LOCATION_NOT_ALLOWED"), reasons.toString());
      assertTrue(reasons.contains("OUTSIDE_ALLOWED_HOURS"), reasons.toString());
      assertEquals(0, result.getInt("occupancy"));
    }
  }

  @Test
  void unknownCredentialIsDeniedWithItsReason() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    try (WsClient client = open(fx.device(location))) {
      JsonObject result = checkin(client, UUID.randomUUID().toString(), "NO-SUCH-CARD", "in");
      assertEquals("denied", result.getString("decision"));
      assertEquals(List.of("UNKNOWN_CREDENTIAL"), reasons(result));
      assertTrue(result.isNull("member"));
    }
  }

  @Test
  void repeatScanIsWarnedAndNotCountedTwiceAndCheckoutOfSomeoneOutsideIsWarned() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    String card = fx.activeMember(location, "José Repeat");
    try (WsClient client = open(fx.device(location))) {
      assertEquals("warned", checkin(client, "out-1", card, "out").getString("decision"));
      assertEquals("granted", checkin(client, "in-1", card, "in").getString("decision"));
      JsonObject repeat = checkin(client, "in-2", card, "in");
      assertEquals("warned", repeat.getString("decision"));
      assertEquals(List.of("REPEAT_SCAN"), reasons(repeat));
      assertEquals(1, repeat.getInt("occupancy"));
    }
  }

  @Test
  void retriesAreIdempotentOnTheSameAndOnANewSession() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    String card = fx.activeMember(location, "Idem Potent");
    Fixtures.DeviceKey device = fx.device(location);
    String id = UUID.randomUUID().toString();
    JsonObject original;
    try (WsClient client = open(device)) {
      original = checkin(client, id, card, "in");
      JsonObject retry = checkin(client, id, card, "in");
      assertEquals(original.getJsonNumber("checkinId"), retry.getJsonNumber("checkinId"));
      assertEquals(original.getString("decision"), retry.getString("decision"));
    }
    try (WsClient reconnected = open(device)) {
      JsonObject retry = checkin(reconnected, id, card, "in");
      assertEquals(original.getJsonNumber("checkinId"), retry.getJsonNumber("checkinId"));
      assertEquals(1, retry.getInt("occupancy"));
    }
    assertEquals(1, Api.json(admin().get("/api/checkins?location=" + location)).getInt("total"));
  }

  @Test
  void everyErrorCodeLeavesTheSessionUsable() {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    try (WsClient client = open(fx.device(location))) {
      client.send("{not json");
      assertError(client, "BAD_JSON", null);
      client.send("{\"type\":\"teleport\",\"id\":\"t1\"}");
      assertError(client, "UNKNOWN_TYPE", "type");
      client.send("{\"type\":\"checkin\",\"id\":\"c1\"}");
      assertError(client, "INVALID_FIELD", "credential");
      client.send("{\"type\":\"checkin\",\"id\":\"" + "x".repeat(65) + "\",\"credential\":\"A\"}");
      assertError(client, "INVALID_FIELD", "id");
      client.send("{\"type\":\"checkin\",\"id\":\"c2\",\"credential\":\"A\",\"direction\":\"up\"}");
      assertError(client, "INVALID_FIELD", "direction");
      client.send("{\"type\":\"checkin\",\"id\":\"c3\",\"credential\":\"A\",\"at\":\"yesterday\"}");
      assertError(client, "INVALID_FIELD", "at");
      client.send(
          "{\"type\":\"checkin\",\"id\":\"c4\",\"credential\":\"A\",\"method\":\"telepathy\"}");
      assertError(client, "INVALID_FIELD", "method");
      client.sendBinary(new byte[] {1, 2, 3});
      assertError(client, "UNSUPPORTED", null);
      client.send("{\"type\":\"ping\",\"id\":\"p1\"}");
      JsonObject pong = client.nextOfType("pong", WAIT);
      assertEquals("p1", pong.getString("id"));
      assertTrue(pong.containsKey("serverTime"));
    }
    assertEquals(0, Api.json(admin().get("/api/checkins?location=" + location)).getInt("total"));
  }

  @Test
  void floodingPastTheRateLimitIsRefusedAndTheSessionRecovers() throws Exception {
    Fixtures fx = fixtures();
    String location = fx.location(50);
    try (WsClient client = open(fx.device(location))) {
      for (int i = 0; i < 60; i++) {
        client.send("{\"type\":\"ping\",\"id\":\"f" + i + "\"}");
      }
      int pongs = 0;
      int limited = 0;
      for (int i = 0; i < 60; i++) {
        JsonObject frame = client.nextJson(WAIT);
        if ("pong".equals(frame.getString("type"))) {
          pongs++;
        } else if ("RATE_LIMITED".equals(frame.getString("code", ""))) {
          limited++;
        }
      }
      assertTrue(limited > 0, "nothing was rate limited");
      assertTrue(pongs >= 20, "the burst should be served: " + pongs);
      Thread.sleep(1500);
      client.send("{\"type\":\"ping\",\"id\":\"after\"}");
      assertEquals("after", client.nextOfType("pong", WAIT).getString("id"));
    }
  }

  @Test
  void anOversizeFrameClosesWith1009() {
    Fixtures fx = fixtures();
    try (WsClient client = open(fx.device(fx.location(5)))) {
      client.send("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");
      assertEquals(1009, client.awaitClose(WAIT).code());
    }
  }

  @Test
  void missingBadAndRotatedTokensGetNoService() {
    Fixtures fx = fixtures();
    String location = fx.location(5);
    Fixtures.DeviceKey device = fx.device(location);
    try (WsClient none = WsClient.connect(devices(), Map.of())) {
      WsClient.Closed closed = none.awaitClose(WAIT);
      assertEquals(1008, closed.code());
      assertEquals("unauthorized", closed.reason());
    }
    try (WsClient bad =
        WsClient.connect(URI.create(devices() + "?token=avd_not-a-real-token-at-all"), Map.of())) {
      assertEquals(1008, bad.awaitClose(WAIT).code());
    }
    try (WsClient viaQuery =
        WsClient.connect(URI.create(devices() + "?token=" + device.token()), Map.of())) {
      assertEquals("welcome", viaQuery.nextJson(WAIT).getString("type"));
    }
    assertEquals(200, admin().post("/api/devices/" + device.id() + "/rotate", "").statusCode());
    try (WsClient old =
        WsClient.connect(devices(), Map.of("Authorization", "Bearer " + device.token()))) {
      assertEquals(1008, old.awaitClose(WAIT).code());
    }
  }

  @Test
  void disablingADeviceClosesItsOpenSession() {
    Fixtures fx = fixtures();
    Fixtures.DeviceKey device = fx.device(fx.location(5));
    try (WsClient client = open(device)) {
      assertEquals(200, admin().post("/api/devices/" + device.id() + "/disable", "").statusCode());
      assertEquals(1008, client.awaitClose(WAIT).code());
    }
  }

  @Test
  void twoDevicesRacingForTheLastPlacesCannotOverfillALocation() throws Exception {
    Fixtures fx = fixtures();
    int capacity = 3;
    String location = fx.location(capacity);
    long plan = fx.plan("*", location);
    List<String> cards = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long member = fx.member("Racer " + i);
      fx.membership(member, plan, Instant.now().minusSeconds(60));
      cards.add(fx.credential(member));
    }
    Fixtures.DeviceKey east = fx.device(location);
    Fixtures.DeviceKey west = fx.device(location);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (WsClient a = open(east);
        WsClient b = open(west)) {
      List<Callable<List<String>>> sides = new ArrayList<>();
      sides.add(() -> burst(a, cards.subList(0, 6)));
      sides.add(() -> burst(b, cards.subList(6, 12)));
      List<String> decisions = new ArrayList<>();
      for (Future<List<String>> side : pool.invokeAll(sides)) {
        decisions.addAll(side.get());
      }
      assertEquals(
          capacity, decisions.stream().filter("granted"::equals).count(), decisions.toString());
      assertEquals(12 - capacity, decisions.stream().filter("denied"::equals).count());
    } finally {
      pool.shutdownNow();
    }
    JsonObject occupancy =
        Api.jsonValue(admin().get("/api/occupancy"))
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> location.equals(o.getString("code")))
            .findFirst()
            .orElseThrow();
    assertEquals(capacity, occupancy.getInt("occupancy"));
  }

  private static List<String> burst(WsClient client, List<String> cards) {
    for (String card : cards) {
      client.send(
          "{\"type\":\"checkin\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"credential\":\""
              + card
              + "\"}");
    }
    List<String> decisions = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      decisions.add(client.nextOfType("checkin.result", WAIT).getString("decision"));
    }
    return decisions;
  }

  @Test
  void whileTheDatabaseIsDownCheckinsAreUnavailableAndNothingIsRecorded() throws Exception {
    assumeTrue(database != null, "needs PostgreSQL (avgym.test.db.url)");
    Fixtures fx = fixtures();
    String location = fx.location(50);
    String card = fx.activeMember(location, "Outage Person");
    String id = UUID.randomUUID().toString();
    try (WsClient client = open(fx.device(location))) {
      database.cut();
      try {
        client.send("{\"type\":\"checkin\",\"id\":\"" + id + "\",\"credential\":\"" + card + "\"}");
        JsonObject error = client.nextOfType("error", Duration.ofSeconds(40));
        assertEquals("UNAVAILABLE", error.getString("code"));
        assertEquals(id, error.getString("id"));
      } finally {
        database.start();
      }
      JsonObject result = null;
      for (int attempt = 0; attempt < 30 && result == null; attempt++) {
        client.send("{\"type\":\"checkin\",\"id\":\"" + id + "\",\"credential\":\"" + card + "\"}");
        JsonObject frame = client.nextJson(Duration.ofSeconds(40));
        if ("checkin.result".equals(frame.getString("type"))) {
          result = frame;
        } else {
          Thread.sleep(1000);
        }
      }
      assertTrue(result != null, "the same id never succeeded after the database came back");
      assertEquals("granted", result.getString("decision"));
      assertEquals(1, result.getInt("occupancy"));
    }
    assertEquals(1, Api.json(admin().get("/api/checkins?location=" + location)).getInt("total"));
  }

  private static void assertError(WsClient client, String code, String field) {
    JsonObject error = client.nextOfType("error", WAIT);
    assertEquals(code, error.getString("code"), error.toString());
    if (field != null) {
      assertEquals(field, error.getString("field"), error.toString());
    }
    assertTrue(error.containsKey("message"));
  }
}
