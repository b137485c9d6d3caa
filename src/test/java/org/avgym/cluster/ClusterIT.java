package org.avgym.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.PayaraInstance;
import org.avgym.it.Receivers;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real Payara Micro instances of the WAR on one PostgreSQL database, joined as one data grid on
 * loopback (ARCHITECTURE.md "Many instances, one AV Gym"; PROTOCOL.md §2 and §3).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration START = Duration.ofMinutes(5);

  static List<PayaraInstance> nodes;
  static PayaraInstance one;
  static PayaraInstance two;
  static String cluster = "avgym-cluster-it-" + UUID.randomUUID();

  @BeforeAll
  static void startTwoInstances() {
    assumeTrue(
        TestDatabase.postgresUrl().isPresent(), "instances share PostgreSQL (H2 is one JVM's)");
    nodes = PayaraInstance.grid(2);
    one = nodes.get(0);
    two = nodes.get(1);
    String members = PayaraInstance.members(nodes);
    one.start(cluster, members, TestDatabase.configured());
    one.awaitReady(START);
    // The second starts once the first has migrated the schema and created the admin.
    two.start(cluster, members, TestDatabase.configured());
    two.awaitReady(START);
  }

  static final List<String> POOLS = new java.util.ArrayList<>();

  @AfterAll
  static void stopInstances() {
    if (nodes != null) {
      nodes.stream()
          .filter(PayaraInstance::alive)
          .findFirst()
          .ifPresent(node -> POOLS.forEach(pool -> admin(node).delete("/api/pools/" + pool)));
      nodes.forEach(PayaraInstance::close);
    }
    if (receivers != null) {
      receivers.close();
    }
  }

  static Api admin(PayaraInstance node) {
    return Api.at(node.base()).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  static String basic() {
    return Api.basic(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  static void checkIn(WsClient device, String card) {
    device.send(
        "{\"type\":\"checkin\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"credential\":\""
            + card
            + "\"}");
    device.nextOfType("checkin.result", WAIT);
  }

  static long seq(JsonObject event) {
    return event.getJsonNumber("seq").longValue();
  }

  static WsClient resume(PayaraInstance node, String epoch, long since, JsonObject[] subscribed) {
    WsClient live =
        WsClient.connect(
            WsClient.ws(node.base(), "/ws/live"), java.util.Map.of("Authorization", basic()));
    live.send(
        "{\"type\":\"subscribe\",\"topics\":[\"checkins\"],\"since\":{\"epoch\":\""
            + epoch
            + "\",\"seq\":{\"checkins\":"
            + since
            + "}}}");
    subscribed[0] = live.nextOfType("subscribed", WAIT);
    return live;
  }

  @Test
  @Order(1)
  void bothInstancesAreOneGridAndReady() {
    for (PayaraInstance node : nodes) {
      JsonObject ready = Api.json(Api.at(node.base()).anonymous().get("/health/ready"));
      String grid =
          ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(check -> "grid".equals(check.getString("name")))
              .findFirst()
              .orElseThrow()
              .toString();
      assertTrue(grid.matches(".*\"members\":\"?2\"?.*"), node.name() + ": " + grid);
    }
  }

  @Test
  @Order(1)
  void aDeviceRevokedOnOneInstanceLosesItsSessionOnTheOther() {
    Fixtures fx = new Fixtures(admin(one));
    Fixtures.DeviceKey key = fx.device(fx.location(100));
    try (WsClient device = WsClient.device(two.base(), key.token(), WAIT)) {
      var rotated = admin(one).post("/api/devices/" + key.id() + "/rotate", "");
      assertEquals(200, rotated.statusCode(), rotated.body());
      WsClient.Closed closed = device.awaitClose(WAIT);
      assertEquals(1008, closed.code(), closed.toString());
    }
  }

  @Test
  @Order(2)
  void aCheckinOnOneInstanceReachesSubscribersOfTheOtherAndAnyInstanceResumesWithoutAGap() {
    Fixtures fx = new Fixtures(admin(one));
    String location = fx.location(10_000);
    String card = fx.activeMember(location, "Cluster Member");
    String token = fx.device(location).token();
    String epoch;
    long last;
    try (WsClient device = WsClient.device(one.base(), token, WAIT);
        WsClient onTwo = WsClient.subscribed(two.base(), basic(), WAIT, "checkins")) {
      for (int i = 0; i < 5; i++) {
        checkIn(device, "UNKNOWN-" + i);
      }
      List<JsonObject> events = onTwo.events("checkins", 5, WAIT);
      epoch = events.get(0).getString("epoch");
      for (int i = 1; i < 5; i++) {
        assertEquals(seq(events.get(i - 1)) + 1, seq(events.get(i)), "consecutive seq on two");
      }
      last = seq(events.get(4));
      // Five more while nobody listens; the subscriber comes back on the other instance.
      for (int i = 0; i < 5; i++) {
        checkIn(device, card);
      }
    }
    JsonObject[] subscribed = new JsonObject[1];
    try (WsClient onOne = resume(one, epoch, last, subscribed)) {
      assertEquals(epoch, subscribed[0].getString("epoch"));
      assertTrue(subscribed[0].getBoolean("recovered"), subscribed[0].toString());
      List<JsonObject> missed = onOne.events("checkins", 5, WAIT);
      for (int i = 0; i < 5; i++) {
        assertEquals(last + 1 + i, seq(missed.get(i)));
      }
      last = seq(missed.get(4));
    }

    // The instance that published all of it dies: its history lives on in the other's backup.
    one.kill();
    try (WsClient onTwo = resume(two, epoch, last - 3, subscribed)) {
      assertEquals(epoch, subscribed[0].getString("epoch"));
      assertTrue(subscribed[0].getBoolean("recovered"), subscribed[0].toString());
      List<JsonObject> replayed = onTwo.events("checkins", 3, WAIT);
      assertEquals(last, seq(replayed.get(2)));
      try (WsClient device = WsClient.device(two.base(), token, WAIT)) {
        checkIn(device, "UNKNOWN-after");
      }
      assertEquals(last + 1, seq(onTwo.events("checkins", 1, WAIT).get(0)));
    }
  }

  static Receivers receivers;
  static String members;

  static PoolView poolOn(PayaraInstance node, String pool) {
    JsonObject view = Api.json(admin(node).get("/api/pools/" + pool));
    return new PoolView(
        view.isNull("driver") ? null : view.getString("driver"), view.getInt("outboxDepth"));
  }

  record PoolView(String driver, int depth) {}

  static void await(String what, java.util.function.BooleanSupplier condition, Duration within) {
    long until = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what + " not within " + within);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String createPool(PayaraInstance node, String name) {
    var made =
        admin(node)
            .post(
                "/api/pools",
                "{\"name\":\""
                    + name
                    + "\",\"topics\":[\"checkins\"],\"endpoints\":[{\"url\":\""
                    + receivers.url(name)
                    + "\"}]}");
    assertEquals(201, made.statusCode(), made.body());
    POOLS.add(name);
    await("pool " + name + " driven", () -> poolOn(node, name).driver() != null, WAIT);
    return poolOn(node, name).driver();
  }

  static PayaraInstance byName(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  @Order(3)
  void deliveriesQueuedOnTheDrivingInstanceArriveAfterItDiesAndAnotherTakesThePoolOver() {
    receivers = Receivers.start();
    members = PayaraInstance.members(nodes);
    one.start(cluster, members, TestDatabase.configured()).awaitReady(START);
    String pool = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    PayaraInstance driver = byName(createPool(two, pool));
    PayaraInstance survivor = driver == one ? two : one;
    Receivers.Receiver receiver = Receivers.receiver(pool);

    Fixtures fx = new Fixtures(admin(survivor));
    String location = fx.location(10_000);
    String token = fx.device(location).token();
    try (WsClient device = WsClient.device(survivor.base(), token, WAIT)) {
      checkIn(device, "UNKNOWN-before");
      await("the first delivery", () -> receiver.distinct("checkins") == 1, WAIT);
      // The endpoint stops answering: what follows stays in the outbox, sent but never acked.
      receiver.pause();
      for (int i = 0; i < 20; i++) {
        checkIn(device, "UNKNOWN-" + i);
      }
      await("20 rows in the outbox", () -> poolOn(survivor, pool).depth() == 20, WAIT);
      long killed = System.nanoTime();
      driver.kill();
      await(
          "the pool taken over by " + survivor.name(),
          () -> survivor.name().equals(poolOn(survivor, pool).driver()),
          Duration.ofSeconds(30));
      double takeoverSeconds = (System.nanoTime() - killed) / 1e9;
      receiver.resume();
      await("all 21 deliveries", () -> receiver.distinct("checkins") == 21, Duration.ofSeconds(60));
      await("an empty outbox", () -> poolOn(survivor, pool).depth() == 0, WAIT);
      System.out.printf(
          "ClusterIT: pool %s taken over by %s %.1f s after kill -9 of %s; 21 of 21 delivered,"
              + " %d duplicate frame(s) (same ids)%n",
          pool, survivor.name(), takeoverSeconds, driver.name(), receiver.duplicates());
      assertTrue(
          takeoverSeconds < 5 + 1,
          "taken over within one health interval (5 s) plus the time to notice: "
              + takeoverSeconds);
    }
    driver.start(cluster, members, TestDatabase.configured()).awaitReady(START);
  }

  @Test
  @Order(4)
  void deliveriesQueuedBeforeACleanRestartOfTheWholeClusterArriveAfterIt() {
    String pool = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    createPool(one, pool);
    Receivers.Receiver receiver = Receivers.receiver(pool);
    receiver.pause();
    Fixtures fx = new Fixtures(admin(one));
    String location = fx.location(10_000);
    String token = fx.device(location).token();
    try (WsClient device = WsClient.device(one.base(), token, WAIT)) {
      for (int i = 0; i < 10; i++) {
        checkIn(device, "UNKNOWN-" + i);
      }
    }
    await("10 rows in the outbox", () -> poolOn(one, pool).depth() == 10, WAIT);
    two.stop();
    one.stop();
    receiver.resume();
    one.start(cluster, members, TestDatabase.configured()).awaitReady(START);
    await("all 10 deliveries after the restart", () -> receiver.distinct("checkins") == 10, WAIT);
    await("an empty outbox", () -> poolOn(one, pool).depth() == 0, WAIT);
    assertEquals(one.name(), poolOn(one, pool).driver());
  }
}
