package org.avgym.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.avgym.it.Api;
import org.avgym.it.Deployments;
import org.avgym.it.Fixtures;
import org.avgym.it.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile JSON bodies (the hostile-input suite's finding, docs/security.md): each is answered
 * quickly with problem+json, 400 or 413, and creates nothing; a well-formed body in any declared
 * charset still works. Every case posts a location that would be valid but for the hostile part.
 */
@ExtendWith(ArquillianExtension.class)
class RequestBodyIT {

  /** Far below AbuseIT's 10 s: a guarded body is refused before it is bound. */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.avgym(TestDatabase.configured()); // the default limits
  }

  private Api admin() {
    return Api.at(base).as(Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
  }

  /** A valid location, with {@code extra} (a JSON fragment) added after the known fields. */
  private static String location(String code, String capacity, String extra) {
    return "{\"code\":\""
        + code
        + "\",\"name\":\"Body test\",\"timeZone\":\"UTC\",\"capacity\":"
        + capacity
        + extra;
  }

  private HttpResponse<String> post(String body, String contentType, Charset charset) {
    return admin()
        .send(
            admin()
                .request("/api/locations")
                .timeout(ANSWER_WITHIN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, charset))
                .build());
  }

  private HttpResponse<String> post(String body) {
    return post(body, "application/json", StandardCharsets.UTF_8);
  }

  private void assertRefused(int status, HttpResponse<String> answer, String code) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals(
        "application/problem+json",
        answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals(status, Api.json(answer).getInt("status"), answer.body());
    assertEquals(404, admin().get("/api/locations/" + code).statusCode(), "created anyway");
  }

  @Test
  void anUnterminatedObjectInAnUnknownFieldIsRefusedNotSpunOn() {
    // Parsson 1.1.5's skipObject never sees EOF (eclipse-ee4j/parsson#23): Yasson skipping an
    // unknown field's unterminated object used to spin a request thread forever.
    String code = Fixtures.unique("body");
    assertRefused(400, post(location(code, "5", ",\"extra\":{\"a\":1")), code);
    assertRefused(400, post(location(code, "5", ",\"extra\":[1")), code);
  }

  @Test
  void deepNestingIsRefusedBeforeBinding() {
    String code = Fixtures.unique("body");
    int depth = 200;
    String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    assertRefused(400, post(location(code, "5", ",\"extra\":" + nested + "}")), code);
  }

  @Test
  void aNumberBeyondAnyFieldIsRefusedNotRoundedToZero() {
    // Without the guard, 1e999999999 was bound to an Integer as 0, and the location created.
    String code = Fixtures.unique("body");
    assertRefused(400, post(location(code, "1e999999999", "}")), code);
    assertRefused(400, post(location(code, "5", ",\"extra\":1e-999999999}")), code);
  }

  @Test
  void textNoColumnCanHoldIsRefusedNotA500() {
    // The hostile-input suite's finding: PostgreSQL refuses U+0000 in text, so a name with it
    // failed inside the transaction and came back as a 500; an unpaired surrogate became '?'.
    String code = Fixtures.unique("body");
    String nul =
        "{\"code\":\""
            + code
            + "\",\"name\":\"\\ud800\\u0000\",\"timeZone\":\"UTC\",\"capacity\":5}";
    assertRefused(400, post("\uFEFF" + nul), code);
    String lone =
        "{\"code\":\"" + code + "\",\"name\":\"a\\udc00\",\"timeZone\":\"UTC\",\"capacity\":5}";
    assertRefused(400, post(lone), code);
    // The suite's own body, as it found the 500 on /api/members.
    HttpResponse<String> member =
        admin()
            .send(
                admin()
                    .request("/api/members")
                    .timeout(ANSWER_WITHIN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "\uFEFF{\"name\":\"\\ud800\\u0000\u202E\"}", StandardCharsets.UTF_8))
                    .build());
    assertEquals(400, member.statusCode(), member.body());
    assertTrue(member.body().contains("NUL"), member.body());
  }

  @Test
  void aBodyOverTheLimitGets413() {
    String code = Fixtures.unique("body");
    String padding = ",\"extra\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertRefused(413, post(location(code, "5", padding)), code);
  }

  @Test
  void aWellFormedBodyInTheDeclaredCharsetIsCreated() {
    String code = Fixtures.unique("body");
    HttpResponse<String> utf16 =
        post(
            location(code, "5", ",\"extra\":{\"a\":[1,2]}}"),
            "application/json; charset=UTF-16",
            StandardCharsets.UTF_16);
    assertEquals(201, utf16.statusCode(), utf16.body());
    assertEquals(200, admin().get("/api/locations/" + code).statusCode());
  }

  @Test
  void aBodyNotInItsDeclaredCharsetIsRefused() {
    String code = Fixtures.unique("body");
    HttpResponse<String> answer =
        post(
            location(code, "5", ",\"extra\":{\"a\":1"),
            "application/json; charset=UTF-16",
            StandardCharsets.UTF_8);
    assertRefused(400, answer, code);
    assertTrue(answer.body().contains("body"), answer.body());
  }
}
