package org.avgym.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.avgym.it.Api;
import org.avgym.it.Fixtures;
import org.avgym.it.PayaraServer;
import org.avgym.it.TestDatabase;
import org.avgym.it.WsClient;
import org.junit.jupiter.api.Test;

/**
 * The README's enterprise deployment, as an IT team would do it: a new Payara Server 6 domain (the
 * full distribution from Maven Central), {@code server-config/existing-payara-server.asadmin}
 * applied with test values (PostgreSQL, passwords as aliases), {@code asadmin deploy} of
 * target/avgym.war; then health on PostgreSQL, the administrator from the alias, a device check-in
 * and its live event; then undeploy and the domain deleted. The database is a schema of its own in
 * the test database, dropped at the end.
 *
 * <p>Issue 13: the deployment failed, because the data source class derived from the URL outranked
 * the domain's configuration and chose H2 for a PostgreSQL URL.
 */
class PayaraServerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "server-it-admin-" + UUID.randomUUID();

  @Test
  void deploysWithTheDocumentedCommandsAndServesDevicesAndDashboards() throws Exception {
    assumeTrue(
        TestDatabase.postgresUrl().isPresent(), "needs PostgreSQL (avgym.test.db.url is not set)");
    Path work = Files.createTempDirectory("avgym-payara-server-it");
    String schema = "avgym_server_it_" + UUID.randomUUID().toString().substring(0, 8);
    createSchema(schema);
    try (PayaraServer server =
        new PayaraServer(Path.of(System.getProperty("avgym.payaraServer")))) {
      server.createAndStart();
      Path commands = withTestValues(work, schema);
      server.asadmin("multimode", "--file", commands.toString());
      String war = System.getProperty("avgym.war", "target/avgym.war");
      server.asadmin("deploy", "--contextroot", "/", "--name", "avgym", war);
      try {
        URL base = new URL("http://127.0.0.1:" + server.httpPort() + "/");
        Api anonymous = Api.at(base);
        HttpResponse<String> ready = awaitReady(anonymous, server);
        assertTrue(ready.body().contains("PostgreSQL"), ready.body() + server.logTail());

        Api admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> users = admin.get("/api/staff-users");
        assertEquals(200, users.statusCode(), users.body() + server.logTail());
        assertTrue(users.body().contains("\"" + ADMIN + "\""), users.body());

        checkInIsDecidedAndPublishedLive(base, admin, server);
      } finally {
        server.asadmin("undeploy", "avgym");
      }
    } finally {
      PayaraServer.deleteTree(work);
      dropSchema(schema);
    }
  }

  private static void checkInIsDecidedAndPublishedLive(URL base, Api admin, PayaraServer server) {
    Fixtures fixtures = new Fixtures(admin);
    String location = fixtures.location(50);
    String card = fixtures.activeMember(location, "Server Member");
    Fixtures.DeviceKey device = fixtures.device(location);
    try (WsClient live =
            WsClient.subscribed(base, Api.basic(ADMIN, ADMIN_PASSWORD), WAIT, "checkins");
        WsClient door = WsClient.device(base, device.token(), WAIT)) {
      door.send(
          "{\"type\":\"checkin\",\"id\":\"server-it-1\",\"credential\":\""
              + card
              + "\",\"direction\":\"in\"}");
      JsonObject result = door.nextOfType("checkin.result", WAIT);
      assertEquals("granted", result.getString("decision"), result + server.logTail());
      JsonObject event = live.nextOfType("event", WAIT);
      assertEquals("checkins", event.getString("topic"));
      assertEquals(
          result.getJsonNumber("checkinId").longValue(),
          event.getJsonObject("data").getJsonNumber("checkinId").longValue());
    }
  }

  /** The product's asadmin file with this test's database, passwords and address. */
  private static Path withTestValues(Path work, String schema) throws IOException {
    Path source = Path.of(System.getProperty("avgym.serverConfig", "server-config"));
    List<String> lines =
        Files.readAllLines(
            source.resolve("existing-payara-server.asadmin"), StandardCharsets.UTF_8);
    Path dbPassword =
        Files.writeString(
            work.resolve("db-password.txt"),
            "AS_ADMIN_ALIASPASSWORD="
                + TestDatabase.postgres(TestDatabase.postgresPort()).get("avgym.db.password")
                + "\n");
    Path adminPassword =
        Files.writeString(
            work.resolve("admin-password.txt"), "AS_ADMIN_ALIASPASSWORD=" + ADMIN_PASSWORD + "\n");
    Map<String, String> settings = TestDatabase.postgres(TestDatabase.postgresPort());
    Map<String, String> values =
        Map.of(
            "avgym.db.url",
            settings.get("avgym.db.url") + "?currentSchema=" + schema,
            "avgym.db.user",
            settings.get("avgym.db.user"),
            "avgym.admin.username",
            ADMIN,
            "avgym.public-url",
            "http://127.0.0.1/");
    Map<String, Path> passwordFiles =
        Map.of("avgym-db-password", dbPassword, "avgym-admin-password", adminPassword);
    List<String> applied = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    Pattern property = Pattern.compile("(--propertyName=(\\S+) --propertyValue=)(\\S+)");
    Pattern alias = Pattern.compile("(create-password-alias --passwordfile=)(\\S+)( (\\S+))");
    for (String line : lines) {
      Matcher setting = property.matcher(line);
      Matcher password = alias.matcher(line);
      if (setting.find() && values.containsKey(setting.group(2))) {
        line =
            setting.replaceFirst(
                Matcher.quoteReplacement(
                    setting.group(1) + asadminValue(values.get(setting.group(2)))));
        replaced.add(setting.group(2));
      } else if (password.find() && passwordFiles.containsKey(password.group(4))) {
        line =
            password.replaceFirst(
                Matcher.quoteReplacement(
                    password.group(1) + passwordFiles.get(password.group(4)) + password.group(3)));
        replaced.add(password.group(4));
      }
      applied.add(line);
    }
    List<String> expected = new ArrayList<>(values.keySet());
    expected.addAll(passwordFiles.keySet());
    assertTrue(
        replaced.containsAll(expected),
        "existing-payara-server.asadmin no longer sets " + expected + "; it set " + replaced);
    return Files.write(work.resolve("existing-payara-server.asadmin"), applied);
  }

  /** asadmin reads a colon as a separator: the file escapes them, so do the test values. */
  private static String asadminValue(String value) {
    return value.replace(":", "\\:").replace("=", "\\=");
  }

  private static HttpResponse<String> awaitReady(Api anonymous, PayaraServer server)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    HttpResponse<String> last = anonymous.get("/health/ready");
    while (last.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      last = anonymous.get("/health/ready");
    }
    assertEquals(200, last.statusCode(), "not ready: " + last.body() + server.logTail());
    return last;
  }

  private static void createSchema(String schema) throws SQLException {
    sql("CREATE SCHEMA " + schema);
  }

  private static void dropSchema(String schema) throws SQLException {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void sql(String statement) throws SQLException {
    Map<String, String> settings = TestDatabase.postgres(TestDatabase.postgresPort());
    try (Connection connection =
            DriverManager.getConnection(
                settings.get("avgym.db.url"),
                settings.get("avgym.db.user"),
                settings.get("avgym.db.password"));
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
