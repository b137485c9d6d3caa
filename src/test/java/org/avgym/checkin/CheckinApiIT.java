package org.avgym.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff API end to end over HTTP: configuration by administrators, the front desk's work by
 * staff, validation naming the fields, 404 for unknown ids, 409 for conflicts, manual check-ins
 * with override, the check-in query and occupancy. Every test makes its own data.
 */
@ExtendWith(ArquillianExtension.class)
class CheckinApiIT {

  private static final String STAFF_PASSWORD = "desk-password-1";
  private static final String NO_SUCH_ID = "987654321";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    java.util.Map<String, String> settings = TestDatabase.configured();
    // One check-in per club at a time, and no patience: concurrent manual check-ins at one club
    // meet a busy gate (every other test here checks in one at a time).
    settings.put("avgym.checkin.location-concurrency", "1");
    settings.put("avgym.checkin.location-wait-ms", "1");
    return Deployments.avgym(settings);
  }

  @Test
  void adminSetsUpALocationPlanMemberMembershipCredentialAndDevice() {
    Api admin = admin();
    String code = unique("loc");
    HttpResponse<String> location = createLocation(admin, code);
    assertEquals(201, location.statusCode(), location.body());
    assertEquals("Europe/Ljubljana", Api.json(location).getString("timeZone"));
    assertEquals(code, Api.json(admin.get("/api/locations/" + code)).getString("name"));
    assertTrue(admin.get("/api/locations").body().contains(code));

    HttpResponse<String> changed =
        put(
            admin,
            "/api/locations/" + code,
            locationJson(code).add("capacity", 5).add("closed", true).build());
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(5, Api.json(changed).getInt("capacity"));
    assertTrue(Api.json(changed).getBoolean("closed"));

    JsonObject plan = created(createPlan(admin, unique("plan"), List.of(code)));
    assertEquals(List.of(code), strings(plan.getJsonArray("allowedLocations")));
    assertEquals("*", plan.getString("allowedHours"));

    JsonObject member = created(createMember(admin, "Ana Novak", unique("ana") + "@example.com"));
    long memberId = member.getJsonNumber("id").longValue();
    JsonObject membership =
        created(
            admin.post(
                "/api/members/" + memberId + "/memberships",
                "{\"planId\":"
                    + plan.getJsonNumber("id")
                    + ",\"startsAt\":\"2026-01-01T00:00:00Z\"}"));
    assertEquals("2026-01-31T00:00:00Z", membership.getString("endsAt"));
    assertEquals("active", membership.getString("status"));

    JsonObject card =
        created(admin.post("/api/members/" + memberId + "/credentials", "{\"kind\":\"card\"}"));
    assertTrue(card.getString("value").startsWith("CARD-"), card.toString());

    HttpResponse<String> registered =
        admin.post(
            "/api/devices",
            "{\"code\":\""
                + unique("dev")
                + "\",\"name\":\"Front desk\",\"location\":\""
                + code
                + "\",\"kind\":\"kiosk\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    JsonObject device = Api.json(registered);
    String token = device.getString("token");
    assertTrue(token.length() >= 16);
    long deviceId = device.getJsonNumber("id").longValue();
    HttpResponse<String> shown = admin.get("/api/devices/" + deviceId);
    assertEquals(200, shown.statusCode(), shown.body());
    assertFalse(shown.body().contains("token"), shown.body());
    assertFalse(admin.get("/api/devices").body().contains(token));

    JsonObject rotated = Api.json(admin.post("/api/devices/" + deviceId + "/rotate", ""));
    assertNotEquals(token, rotated.getString("token"));
    assertFalse(
        Api.json(admin.post("/api/devices/" + deviceId + "/disable", "")).getBoolean("enabled"));
    JsonObject enabled = Api.json(admin.post("/api/devices/" + deviceId + "/enable", ""));
    assertTrue(enabled.getBoolean("enabled"));
    assertFalse(enabled.containsKey("token"));

    JsonObject detail = Api.json(admin.get("/api/members/" + memberId));
    assertEquals(1, detail.getJsonArray("memberships").size());
    assertEquals(
        card.getString("value"),
        detail.getJsonArray("credentials").getJsonObject(0).getString("value"));
  }

  @Test
  void staffCannotRegisterDevicesOrConfigureLocationsAndPlans() {
    Api admin = admin();
    Api staff = newStaff(admin);
    String code = unique("loc");
    assertEquals(201, createLocation(admin, code).statusCode());

    HttpResponse<String> device =
        staff.post(
            "/api/devices",
            "{\"code\":\""
                + unique("dev")
                + "\",\"name\":\"D\",\"location\":\""
                + code
                + "\",\"kind\":\"desk\"}");
    assertForbidden(device);
    assertForbidden(createLocation(staff, unique("loc")));
    assertForbidden(createPlan(staff, unique("plan"), List.of()));
    assertForbidden(staff.get("/api/devices"));
    assertForbidden(staff.post("/api/staff-users", "{}"));

    assertEquals(200, staff.get("/api/locations").statusCode());
    assertEquals(200, staff.get("/api/plans").statusCode());
    assertEquals(200, staff.get("/api/occupancy").statusCode());
    assertEquals(201, createMember(staff, "Desk Made", null).statusCode());
    assertEquals(401, admin.anonymous().get("/api/locations").statusCode());
  }

  @Test
  void invalidLocationsAreRejectedNamingTheFields() {
    Api admin = admin();
    assertInvalid(
        admin.post(
            "/api/locations",
            locationJson(unique("loc")).add("timeZone", "Mars/Olympus").build().toString()),
        "timeZone");
    HttpResponse<String> hours =
        admin.post(
            "/api/locations",
            locationJson(unique("loc"))
                .add("openingHours", "MON-FRI 06:00-25:00")
                .build()
                .toString());
    assertInvalid(hours, "openingHours");
    assertTrue(Api.json(hours).getString("detail").contains("25:00"), hours.body());
    assertInvalid(
        admin.post(
            "/api/locations",
            locationJson("Bad Code!").add("capacity", -1).add("name", "").build().toString()),
        "code",
        "capacity",
        "name");
    assertInvalid(admin.post("/api/locations", "{\"code\":\"ab\",\"capacity\":\"many\"}"), "body");
    assertInvalid(admin.post("/api/locations", "[1,2,3]"), "body");
    assertInvalid(admin.post("/api/locations", "{not json"), "body");
    assertInvalid(admin.post("/api/locations", ""), "body");
    assertInvalid(admin.post("/api/locations", "{}"), "code", "timeZone", "capacity", "name");
  }

  @Test
  void invalidPlansMembersMembershipsCredentialsAndDevicesAreRejectedNamingTheFields() {
    Api admin = admin();
    String code = unique("loc");
    createLocation(admin, code);
    assertInvalid(
        createPlan(admin, unique("plan"), List.of(code, "no-such-place")), "allowedLocations");
    assertInvalid(
        admin.post(
            "/api/plans", "{\"name\":\"P\",\"durationDays\":0,\"allowedHours\":\"SOMEDAY\"}"),
        "durationDays");
    assertInvalid(
        admin.post(
            "/api/plans",
            "{\"name\":\""
                + unique("plan")
                + "\",\"durationDays\":30,\"allowedHours\":\"SOMEDAY\"}"),
        "allowedHours");

    assertInvalid(
        admin.post(
            "/api/members",
            "{\"name\":\"A\",\"email\":\"not-an-email\",\"photoUrl\":\"ftp://x/y.png\"}"),
        "email",
        "photoUrl");
    assertInvalid(admin.post("/api/members", "{\"email\":\"a@example.com\"}"), "name");

    long memberId = id(createMember(admin, "Val Idation", null));
    assertInvalid(
        admin.post("/api/members/" + memberId + "/memberships", "{\"planId\":" + NO_SUCH_ID + "}"),
        "planId");
    long planId = id(createPlan(admin, unique("plan"), List.of()));
    assertInvalid(
        admin.post(
            "/api/members/" + memberId + "/memberships",
            "{\"planId\":" + planId + ",\"startsAt\":\"next tuesday\"}"),
        "startsAt");
    assertInvalid(
        admin.post(
            "/api/members/" + memberId + "/credentials",
            "{\"kind\":\"barcode\",\"value\":\"has space\"}"),
        "kind",
        "value");
    assertInvalid(
        admin.post(
            "/api/devices",
            "{\"code\":\""
                + unique("dev")
                + "\",\"name\":\"D\",\"location\":\""
                + code
                + "\",\"kind\":\"robot\"}"),
        "kind");
    assertInvalid(
        admin.post(
            "/api/devices",
            "{\"code\":\""
                + unique("dev")
                + "\",\"name\":\"D\",\"location\":\"nowhere-at-all\",\"kind\":\"desk\"}"),
        "location");
    assertInvalid(
        admin.post(
            "/api/checkins/manual",
            "{\"location\":\"" + code + "\",\"credential\":\"X\",\"direction\":\"sideways\"}"),
        "direction",
        "reason");
    assertInvalid(admin.get("/api/checkins?decision=maybe"), "decision");
    assertInvalid(admin.get("/api/checkins?size=101"), "size");
    assertInvalid(admin.get("/api/checkins?from=yesterday"), "from");
    assertInvalid(admin.get("/api/members?page=-1"), "page");
  }

  @Test
  void unknownIdsAndCodesAreNotFound() {
    Api admin = admin();
    for (String path :
        List.of(
            "/api/locations/no-such-location",
            "/api/plans/" + NO_SUCH_ID,
            "/api/members/" + NO_SUCH_ID,
            "/api/memberships/" + NO_SUCH_ID,
            "/api/credentials/" + NO_SUCH_ID,
            "/api/devices/" + NO_SUCH_ID)) {
      assertNotFound(admin.get(path));
    }
    assertNotFound(admin.post("/api/memberships/" + NO_SUCH_ID + "/freeze", "{}"));
    assertNotFound(admin.post("/api/credentials/" + NO_SUCH_ID + "/block", "{}"));
    assertNotFound(admin.post("/api/devices/" + NO_SUCH_ID + "/rotate", ""));
    assertNotFound(admin.post("/api/members/" + NO_SUCH_ID + "/credentials", "{\"kind\":\"qr\"}"));
    assertNotFound(put(admin, "/api/locations/no-such-location", locationJson(null).build()));
    assertNotFound(
        admin.post(
            "/api/checkins/manual",
            "{\"location\":\"no-such-location\",\"credential\":\"X\",\"reason\":\"r\"}"));
  }

  @Test
  void duplicatesAreConflicts() {
    Api admin = admin();
    String code = unique("loc");
    assertEquals(201, createLocation(admin, code).statusCode());
    assertConflict(createLocation(admin, code));

    String email = unique("dup") + "@example.com";
    long memberId = id(createMember(admin, "First", email));
    assertConflict(createMember(admin, "Second", email.toUpperCase()));

    String value = unique("CARD");
    String credential = "{\"kind\":\"card\",\"value\":\"" + value + "\"}";
    assertEquals(
        201, admin.post("/api/members/" + memberId + "/credentials", credential).statusCode());
    assertConflict(admin.post("/api/members/" + memberId + "/credentials", credential));

    String plan = unique("plan");
    assertEquals(201, createPlan(admin, plan, List.of()).statusCode());
    assertConflict(createPlan(admin, plan, List.of()));

    String device =
        "{\"code\":\""
            + unique("dev")
            + "\",\"name\":\"D\",\"location\":\""
            + code
            + "\",\"kind\":\"turnstile\"}";
    assertEquals(201, admin.post("/api/devices", device).statusCode());
    assertConflict(admin.post("/api/devices", device));
  }

  @Test
  void membershipsFreezeUnfreezeAndCancelWithConflictsForImpossibleChanges() {
    Api staff = newStaff(admin());
    long planId = id(createPlan(admin(), unique("plan"), List.of()));
    long memberId = id(createMember(staff, "Fritz Frozen", null));
    JsonObject membership = created(startMembership(staff, memberId, planId));
    String path = "/api/memberships/" + membership.getJsonNumber("id");

    HttpResponse<String> frozen = staff.post(path + "/freeze", "{\"reason\":\"broken leg\"}");
    assertEquals(200, frozen.statusCode(), frozen.body());
    assertEquals("frozen", Api.json(frozen).getString("status"));
    assertEquals(
        "broken leg",
        Api.json(frozen).getJsonArray("freezes").getJsonObject(0).getString("reason"));
    assertConflict(staff.post(path + "/freeze", "{}"));

    HttpResponse<String> thawed = staff.post(path + "/unfreeze", "");
    assertEquals(200, thawed.statusCode(), thawed.body());
    assertEquals("active", Api.json(thawed).getString("status"));
    assertConflict(staff.post(path + "/unfreeze", ""));
    assertInvalid(staff.post(path + "/freeze", "{\"from\":\"soon\"}"), "from");

    HttpResponse<String> cancelled = staff.post(path + "/cancel", "{\"reason\":\"moved away\"}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("cancelled", Api.json(cancelled).getString("status"));
    assertConflict(staff.post(path + "/cancel", "{}"));
    assertConflict(staff.post(path + "/freeze", "{}"));
  }

  @Test
  void credentialsAreBlockedUnblockedAndReplaced() {
    Api staff = newStaff(admin());
    long memberId = id(createMember(staff, "Carla Card", null));
    JsonObject card =
        created(staff.post("/api/members/" + memberId + "/credentials", "{\"kind\":\"card\"}"));
    String path = "/api/credentials/" + card.getJsonNumber("id");

    assertEquals(
        "lost", Api.json(staff.post(path + "/block", "{\"status\":\"lost\"}")).getString("status"));
    assertInvalid(staff.post(path + "/block", "{\"status\":\"active\"}"), "status");
    assertEquals("active", Api.json(staff.post(path + "/unblock", "")).getString("status"));

    String newValue = unique("QR");
    HttpResponse<String> replaced =
        staff.post(path + "/replace", "{\"kind\":\"qr\",\"value\":\"" + newValue + "\"}");
    assertEquals(201, replaced.statusCode(), replaced.body());
    assertEquals(newValue, Api.json(replaced).getString("value"));
    assertEquals("qr", Api.json(replaced).getString("kind"));
    assertEquals("replaced", Api.json(staff.get(path)).getString("status"));
    assertConflict(staff.post(path + "/unblock", ""));
    assertConflict(staff.post(path + "/replace", "{\"kind\":\"card\"}"));
  }

  @Test
  void manualOverrideRecordsTheStaffUserAndReasonAndIsIdempotentByRequestId() {
    Api admin = admin();
    String staffName = unique("desk");
    Api staff = newStaff(admin, staffName);
    String code = unique("loc");
    createLocation(admin, code);
    long memberId = id(createMember(staff, "Nora Nomembership", null));
    String value = credential(staff, memberId);

    JsonObject denied = manual(staff, code, value, "in", false, null, "checking at the desk");
    assertEquals("denied", denied.getString("decision"));
    assertTrue(
        strings(denied.getJsonArray("reasons")).contains("NO_MEMBERSHIP"), denied.toString());
    assertEquals(memberId, denied.getJsonObject("member").getJsonNumber("id").longValue());
    assertEquals(staffName, denied.getString("staffUser"));

    String requestId = UUID.randomUUID().toString();
    JsonObject admitted =
        manual(staff, code, value, "in", true, requestId, "paid cash, plan starts tomorrow");
    assertEquals("warned", admitted.getString("decision"));
    assertTrue(strings(admitted.getJsonArray("reasons")).contains("NO_MEMBERSHIP"));
    assertEquals(staffName, admitted.getString("staffUser"));
    assertEquals(1, admitted.getInt("occupancy"));
    assertFalse(admitted.getBoolean("replayed"));

    JsonObject retried =
        manual(staff, code, value, "in", true, requestId, "paid cash, plan starts tomorrow");
    assertEquals(admitted.getJsonNumber("checkinId"), retried.getJsonNumber("checkinId"));
    assertTrue(retried.getBoolean("replayed"));
    assertEquals(1, retried.getInt("occupancy"));

    JsonObject page = Api.json(staff.get("/api/checkins?member=" + memberId));
    assertEquals(2, page.getJsonNumber("total").longValue(), page.toString());
    JsonObject newest = page.getJsonArray("items").getJsonObject(0);
    assertEquals(admitted.getJsonNumber("checkinId"), newest.getJsonNumber("id"));
    assertEquals(staffName, newest.getString("staffUser"));
    assertEquals("paid cash, plan starts tomorrow", newest.getString("reason"));
    assertEquals("manual", newest.getString("method"));

    JsonObject unknown = manual(staff, code, unique("NOCARD"), "in", true, null, "who is this");
    assertEquals("denied", unknown.getString("decision"));
    assertEquals(JsonValue.NULL, unknown.get("member"));
  }

  @Test
  void checkinQueryFiltersByLocationMemberTimeAndDecisionAndPages() {
    Api admin = admin();
    Api staff = newStaff(admin);
    String code = unique("loc");
    String other = unique("loc");
    createLocation(admin, code);
    createLocation(admin, other);
    long planId = id(createPlan(admin, unique("plan"), List.of()));
    long memberId = id(createMember(staff, "Quinn Query", null));
    assertEquals(201, startMembership(staff, memberId, planId).statusCode());
    String value = credential(staff, memberId);
    Instant before = Instant.now().minusSeconds(1);

    assertEquals(
        "granted", manual(staff, code, value, "in", false, null, "r").getString("decision"));
    assertEquals(
        "granted", manual(staff, code, value, "out", false, null, "r").getString("decision"));
    manual(staff, code, unique("NOCARD"), "in", false, null, "r");
    manual(staff, code, unique("NOCARD"), "in", false, null, "r");
    manual(staff, other, value, "in", false, null, "r");

    JsonObject atCode = Api.json(staff.get("/api/checkins?location=" + code));
    assertEquals(4, atCode.getJsonNumber("total").longValue(), atCode.toString());
    JsonObject denied = Api.json(staff.get("/api/checkins?location=" + code + "&decision=denied"));
    assertEquals(2, denied.getJsonNumber("total").longValue());
    JsonObject member = Api.json(staff.get("/api/checkins?member=" + memberId));
    assertEquals(3, member.getJsonNumber("total").longValue());

    JsonObject firstPage = Api.json(staff.get("/api/checkins?location=" + code + "&size=3&page=0"));
    JsonObject secondPage =
        Api.json(staff.get("/api/checkins?location=" + code + "&size=3&page=1"));
    assertEquals(3, firstPage.getJsonArray("items").size());
    assertEquals(1, secondPage.getJsonArray("items").size());
    assertEquals(4, secondPage.getJsonNumber("total").longValue());
    assertEquals(1, secondPage.getInt("page"));
    assertEquals(3, secondPage.getInt("size"));
    Instant newest =
        Instant.parse(firstPage.getJsonArray("items").getJsonObject(0).getString("at"));
    Instant oldest =
        Instant.parse(secondPage.getJsonArray("items").getJsonObject(0).getString("at"));
    assertFalse(newest.isBefore(oldest), "newest first");
    assertEquals("in", secondPage.getJsonArray("items").getJsonObject(0).getString("direction"));

    String window = "&from=" + before + "&to=" + Instant.now().plusSeconds(1);
    assertEquals(
        4,
        Api.json(staff.get("/api/checkins?location=" + code + window))
            .getJsonNumber("total")
            .longValue());
    String future = "&from=" + Instant.now().plus(1, ChronoUnit.DAYS);
    assertEquals(
        0,
        Api.json(staff.get("/api/checkins?location=" + code + future))
            .getJsonNumber("total")
            .longValue());
    assertInvalid(staff.get("/api/checkins?location=no-such-location"), "location");

    JsonObject detail = Api.json(staff.get("/api/members/" + memberId));
    assertEquals(3, detail.getJsonArray("recentCheckins").size());
    assertEquals(2, detail.getJsonArray("recentVisits").size());
  }

  @Test
  void occupancyCountsPeopleInsideEachLocation() {
    Api admin = admin();
    Api staff = newStaff(admin);
    String code = unique("loc");
    createLocation(admin, code);
    long planId = id(createPlan(admin, unique("plan"), List.of(code)));
    long memberId = id(createMember(staff, "Olga Occupant", null));
    startMembership(staff, memberId, planId);
    String value = credential(staff, memberId);

    assertEquals(0, occupancyOf(staff, code).getInt("occupancy"));
    assertEquals(
        "granted",
        manual(staff, code, value, "in", false, null, "front desk").getString("decision"));
    JsonObject inside = occupancyOf(staff, code);
    assertEquals(1, inside.getInt("occupancy"));
    assertEquals(10, inside.getInt("capacity"));
    assertEquals(0.1, inside.getJsonNumber("ratio").doubleValue(), 1e-9);
    manual(staff, code, value, "out", false, null, "front desk");
    assertEquals(0, occupancyOf(staff, code).getInt("occupancy"));
  }

  @Test
  void membersAreFoundByNameEmailOrCredentialAndPaged() {
    Api staff = newStaff(admin());
    String tag = unique("zed");
    String email = tag + "@example.com";
    long first = id(createMember(staff, "Bea " + tag, email));
    long second = id(createMember(staff, "Abe " + tag.toUpperCase(), null));
    String value = credential(staff, second);

    JsonObject byName = Api.json(staff.get("/api/members?q=" + tag.toUpperCase()));
    assertEquals(2, byName.getJsonNumber("total").longValue(), byName.toString());
    assertEquals(
        second,
        byName.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue(),
        "sorted by name");
    JsonObject byEmail = Api.json(staff.get("/api/members?q=" + email));
    assertEquals(
        first, byEmail.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    JsonObject byCredential = Api.json(staff.get("/api/members?q=" + value));
    assertEquals(1, byCredential.getJsonNumber("total").longValue());
    assertEquals(
        second,
        byCredential.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    JsonObject paged = Api.json(staff.get("/api/members?q=" + tag + "&size=1&page=1"));
    assertEquals(1, paged.getJsonArray("items").size());
    assertEquals(
        first, paged.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());

    HttpResponse<String> changed =
        put(
            staff,
            "/api/members/" + first,
            Json.createObjectBuilder()
                .add("name", "Bea Changed")
                .add("status", "inactive")
                .build());
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("inactive", Api.json(changed).getString("status"));
    assertEquals(
        JsonValue.ValueType.NULL,
        Api.json(changed).getOrDefault("email", JsonValue.NULL).getValueType());
  }

  // --- helpers: each test builds its own data with unique codes -----------------------------

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  private static Api newStaff(Api admin) {
    return newStaff(admin, unique("staff"));
  }

  private static Api newStaff(Api admin, String username) {
    HttpResponse<String> created =
        admin.post(
            "/api/staff-users",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Desk\",\"password\":\""
                + STAFF_PASSWORD
                + "\",\"role\":\"STAFF\"}");
    assertEquals(201, created.statusCode(), created.body());
    return admin.anonymous().as(username, STAFF_PASSWORD);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObjectBuilder locationJson(String code) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("name", code == null ? "Nowhere" : code)
            .add("timeZone", "Europe/Ljubljana")
            .add("capacity", 10)
            .add("openingHours", "*");
    return code == null ? json : json.add("code", code);
  }

  private static HttpResponse<String> createLocation(Api api, String code) {
    return api.post("/api/locations", locationJson(code).build().toString());
  }

  private static HttpResponse<String> createPlan(Api api, String name, List<String> locations) {
    JsonObject plan =
        Json.createObjectBuilder()
            .add("name", name)
            .add("durationDays", 30)
            .add("allowedLocations", Json.createArrayBuilder(locations))
            .build();
    return api.post("/api/plans", plan.toString());
  }

  private static HttpResponse<String> createMember(Api api, String name, String email) {
    JsonObjectBuilder member = Json.createObjectBuilder().add("name", name);
    if (email != null) {
      member
          .add("email", email)
          .add("phone", "+386 1 234 5678")
          .add("photoUrl", "https://example.com/a.jpg");
    }
    return api.post("/api/members", member.build().toString());
  }

  private static HttpResponse<String> startMembership(Api api, long memberId, long planId) {
    String start = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    return api.post(
        "/api/members/" + memberId + "/memberships",
        "{\"planId\":" + planId + ",\"startsAt\":\"" + start + "\"}");
  }

  private static String credential(Api api, long memberId) {
    return created(api.post("/api/members/" + memberId + "/credentials", "{\"kind\":\"card\"}"))
        .getString("value");
  }

  @Test
  void manualCheckinsQueueAtTheClubsGateLikeDevicesAndABusyOneRecordsNothing() throws Exception {
    Api admin = admin();
    String desk = unique("desk");
    Api staff = newStaff(admin, desk);
    String code = unique("loc");
    createLocation(admin, code);
    String value = credential(staff, id(createMember(staff, "Gina Gate", null)));
    double failuresBefore = unavailableFailures();
    List<String> refusedIds = new java.util.ArrayList<>();
    int answered = 0;
    for (int round = 0; round < 10 && refusedIds.isEmpty(); round++) {
      List<String> ids = new java.util.ArrayList<>();
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls =
          new java.util.ArrayList<>();
      var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
      try {
        for (int i = 0; i < 16; i++) {
          String requestId = UUID.randomUUID().toString();
          ids.add(requestId);
          calls.add(
              java.util.concurrent.CompletableFuture.supplyAsync(
                  () -> staff.post("/api/checkins/manual", manualBody(code, value, requestId)),
                  pool));
        }
        for (int i = 0; i < calls.size(); i++) {
          HttpResponse<String> response = calls.get(i).get();
          if (response.statusCode() == 503) {
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
            assertTrue(
                response.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
            assertTrue(response.body().contains("queued"), response.body());
            refusedIds.add(ids.get(i));
          } else {
            assertEquals(200, response.statusCode(), response.body());
            answered++;
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertFalse(refusedIds.isEmpty(), "16 at once at one club never met a busy gate");
    // Each busy answer is a failure: counted, and an ERROR event naming the staff user.
    assertEquals(failuresBefore + refusedIds.size(), unavailableFailures(), 1e-9);
    long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    boolean evented = false;
    while (!evented && System.nanoTime() < until) {
      evented =
          Json.createReader(
                  new java.io.StringReader(
                      admin.get("/api/analytics/events?category=ERROR&limit=10000").body()))
              .readArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .anyMatch(
                  e ->
                      "checkin.unavailable".equals(e.getString("type"))
                          && ("staff " + desk).equals(e.getString("source")));
      Thread.sleep(evented ? 0 : 200);
    }
    assertTrue(evented, "an ERROR event for the desk's busy answers");
    // Nothing was recorded for a refused one: sent again, it is decided for the first time.
    for (String requestId : refusedIds) {
      HttpResponse<String> again =
          staff.post("/api/checkins/manual", manualBody(code, value, requestId));
      assertEquals(200, again.statusCode(), again.body());
      assertFalse(Api.json(again).getBoolean("replayed"), again.body());
    }
    JsonObject recorded = Api.json(staff.get("/api/checkins?location=" + code + "&size=1"));
    assertEquals(answered + refusedIds.size(), recorded.getJsonNumber("total").intValue());
  }

  /** {@code avgym_failures_total{kind="checkin.unavailable"}} now. */
  private double unavailableFailures() {
    Api anonymous = Api.at(base);
    return anonymous
        .send(anonymous.request("/metrics").setHeader("Accept", "text/plain").GET().build())
        .body()
        .lines()
        .filter(l -> l.startsWith("avgym_failures_total{") && l.contains("checkin.unavailable"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String manualBody(String location, String credential, String requestId) {
    return Json.createObjectBuilder()
        .add("location", location)
        .add("credential", credential)
        .add("reason", "at the desk")
        .add("requestId", requestId)
        .build()
        .toString();
  }

  private static JsonObject manual(
      Api api,
      String location,
      String credential,
      String direction,
      boolean override,
      String requestId,
      String reason) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("location", location)
            .add("credential", credential)
            .add("direction", direction)
            .add("override", override)
            .add("reason", reason);
    if (requestId != null) {
      body.add("requestId", requestId);
    }
    HttpResponse<String> response = api.post("/api/checkins/manual", body.build().toString());
    assertEquals(200, response.statusCode(), response.body());
    return Api.json(response);
  }

  private static JsonObject occupancyOf(Api api, String code) {
    HttpResponse<String> response = api.get("/api/occupancy");
    assertEquals(200, response.statusCode(), response.body());
    return Api.jsonValue(response).asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> o.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> put(Api api, String path, JsonObject body) {
    return api.send(
        api.request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private static long id(HttpResponse<String> response) {
    return created(response).getJsonNumber("id").longValue();
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return Api.json(response);
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    assertEquals(status, Api.json(response).getInt("status"));
    assertFalse(response.body().contains("Exception"), response.body());
  }

  private static void assertInvalid(HttpResponse<String> response, String... fields) {
    assertProblem(response, 400);
    List<String> named =
        Api.json(response).getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    for (String field : fields) {
      assertTrue(named.contains(field), field + " not named in " + response.body());
    }
  }

  private static void assertNotFound(HttpResponse<String> response) {
    assertProblem(response, 404);
  }

  private static void assertConflict(HttpResponse<String> response) {
    assertProblem(response, 409);
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertProblem(response, 403);
  }
}
