package org.avgym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

/**
 * Creates the world an IT needs through the real staff API, with unique codes so tests never share
 * state.
 */
public final class Fixtures {

  public record DeviceKey(long id, String code, String token) {}

  private final Api admin;

  public Fixtures(Api admin) {
    this.admin = admin;
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String location(int capacity, String openingHours, String timeZone) {
    String code = unique("loc");
    created(
        admin.post(
            "/api/locations",
            "{\"code\":\""
                + code
                + "\",\"name\":\"Location "
                + code
                + "\",\"timeZone\":\""
                + timeZone
                + "\",\"capacity\":"
                + capacity
                + ",\"openingHours\":\""
                + openingHours
                + "\",\"closed\":false}"));
    return code;
  }

  public String location(int capacity) {
    return location(capacity, "*", "Europe/Ljubljana");
  }

  public long plan(String allowedHours, String... locations) {
    StringBuilder codes = new StringBuilder();
    for (String location : locations) {
      codes.append(codes.length() == 0 ? "" : ",").append('"').append(location).append('"');
    }
    return created(
            admin.post(
                "/api/plans",
                "{\"name\":\""
                    + unique("plan")
                    + "\",\"durationDays\":30,\"allowedHours\":\""
                    + allowedHours
                    + "\",\"allowedLocations\":["
                    + codes
                    + "]}"))
        .getJsonNumber("id")
        .longValue();
  }

  public long member(String name) {
    return created(admin.post("/api/members", "{\"name\":\"" + name + "\"}"))
        .getJsonNumber("id")
        .longValue();
  }

  public long membership(long member, long plan, Instant startsAt) {
    return created(
            admin.post(
                "/api/members/" + member + "/memberships",
                "{\"planId\":" + plan + ",\"startsAt\":\"" + startsAt + "\"}"))
        .getJsonNumber("id")
        .longValue();
  }

  public String credential(long member) {
    String value = unique("CARD");
    created(
        admin.post(
            "/api/members/" + member + "/credentials",
            "{\"kind\":\"card\",\"value\":\"" + value + "\"}"));
    return value;
  }

  /** A member with an active all-hours membership valid at {@code location}; its card value. */
  public String activeMember(String location, String name) {
    long plan = plan("*", location);
    long member = member(name);
    membership(member, plan, Instant.now().minusSeconds(3600));
    return credential(member);
  }

  public DeviceKey device(String location) {
    String code = unique("dev");
    JsonObject device =
        created(
            admin.post(
                "/api/devices",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Turnstile "
                    + code
                    + "\",\"location\":\""
                    + location
                    + "\",\"kind\":\"turnstile\"}"));
    return new DeviceKey(device.getJsonNumber("id").longValue(), code, device.getString("token"));
  }

  /** A staff user created over the API, as the API answered (never with a password). */
  public JsonObject staffUser(String username, String password, String role) {
    return created(
        admin.post(
            "/api/staff-users",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Staff "
                + username
                + "\",\"password\":\""
                + password
                + "\",\"role\":\""
                + role
                + "\"}"));
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return Api.json(response);
  }
}
