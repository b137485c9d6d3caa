package org.avgym.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * The embedded default: migrations run on H2, and JPA and the analytics' native queries write and
 * read through it.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedDatabaseIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.avgym(TestDatabase.h2());
  }

  @Test
  void migrationsRunOnTheEmbeddedDatabase() {
    HttpResponse<String> started = Api.at(base).get("/health/started");
    assertEquals(200, started.statusCode(), started.body());
    assertTrue(started.body().contains("schemaVersion"), started.body());
    HttpResponse<String> ready = Api.at(base).get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("H2 (embedded)"), ready.body());
  }

  @Test
  void staffUserRoundTripsThroughJpaOnH2() {
    Api admin = Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    HttpResponse<String> created =
        admin.post(
            "/api/staff-users",
            "{\"username\":\"h2-desk\",\"displayName\":\"Žana Čeh\","
                + "\"password\":\"h2-password-12\",\"role\":\"STAFF\"}");
    assertEquals(201, created.statusCode(), created.body());
    long id = Api.json(created).getJsonNumber("id").longValue();

    JsonObject read = Api.json(admin.get("/api/staff-users/" + id));
    assertEquals("h2-desk", read.getString("username"));
    assertEquals("Žana Čeh", read.getString("displayName"));
    assertEquals("STAFF", read.getString("role"));

    HttpResponse<String> disabled = admin.patch("/api/staff-users/" + id, "{\"enabled\":false}");
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertEquals(
        401, Api.at(base).as("h2-desk", "h2-password-12").get("/api/staff-users").statusCode());
  }

  @Test
  void samplesNameTheirInstanceAndEventsByTypeReadsRollupsAndEventsOnH2() {
    Api admin = Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    Instant since = Instant.now().minus(Duration.ofHours(2));
    HttpResponse<String> sampled = admin.post("/api/analytics/samples/run", "");
    assertEquals(200, sampled.statusCode(), sampled.body());
    assertTrue(sampled.body().contains("\"instance\":\""), sampled.body());
    HttpResponse<String> export = admin.get("/api/analytics/export?kind=samples&format=csv");
    assertEquals(200, export.statusCode(), export.body());
    assertTrue(export.body().startsWith("id,time,metric,subject,value,instance\r\n"));
    assertEquals(204, admin.post("/api/analytics/events/flush", "").statusCode());
    // Completes the previous hour, so the range below has a rolled-up hour and raw parts.
    HttpResponse<String> rolled = admin.post("/api/analytics/rollups/run?period=HOUR", "");
    assertEquals(200, rolled.statusCode(), rolled.body());

    HttpResponse<String> byType = admin.get("/api/analytics/events/by-type?from=" + since);
    assertEquals(200, byType.statusCode(), byType.body());
    assertEquals(1, Api.json(byType).getJsonNumber("export").longValue(), byType.body());
  }
}
