package org.avgym.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.avgym.it.Api;

/**
 * Random bodies against every operation the server's own {@code /openapi} document lists, as an
 * administrator: bad JSON, wrong types for the schema's own fields, huge strings, deep nesting,
 * empty bodies, wrong content types, path and query parameters from random to valid-looking.
 */
final class ApiFuzz {

  /** A request to send: an operation of the document, filled in. */
  record Call(String method, String path) {}

  /** A request unanswered this long is a finding: a hung request ties up a container thread. */
  static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(10);

  /** The server's request body limit, avgym.api.max-body-bytes (its default). */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Api admin;
  private final Random random;
  private final AbuseTally tally;
  private final List<String> numbers;
  private final List<String> codes;

  /**
   * {@code victimIds} and {@code victimCodes} are ids and codes of things the suite may damage; the
   * good clients' ids are never among them, so no random call rotates their token or erases them.
   */
  ApiFuzz(
      Api admin, Random random, AbuseTally tally, Set<Long> victimIds, Set<String> victimCodes) {
    this.admin = admin;
    this.random = random;
    this.tally = tally;
    this.numbers =
        new ArrayList<>(
            List.of(
                "0",
                "-1",
                "2147483648",
                "9223372036854775807",
                "99999999999999999999",
                "1e3",
                "0x10",
                "abc",
                "%00",
                "%27%22",
                "..%2F..",
                "%E2%80%AE",
                "NaN",
                "" + (900_000_000 + random.nextInt(99_999_999))));
    victimIds.forEach(id -> numbers.add(String.valueOf(id)));
    this.codes =
        new ArrayList<>(
            List.of(
                "x",
                "%20",
                "%0D%0Aset-cookie:a=b",
                "a".repeat(300),
                "%F0%9F%98%80",
                "..",
                "%2e%2e%2f",
                "null",
                "undefined"));
    codes.addAll(victimCodes);
  }

  /** The operations of the document, parsed with its references resolved. */
  static OpenAPI document(Api anonymous) {
    HttpResponse<String> answer =
        anonymous.send(
            anonymous.request("/openapi").setHeader("Accept", "text/plain").GET().build());
    if (answer.statusCode() != 200) {
      throw new AssertionError("/openapi answered " + answer.statusCode());
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIV3Parser().readContents(answer.body(), null, options).getOpenAPI();
  }

  /** Sends {@code perOperation} random requests to each operation while {@code go} holds. */
  void run(OpenAPI api, int perOperation, BooleanSupplier go) {
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      if (!path.getKey().startsWith("/api")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          path.getValue().readOperationsMap().entrySet()) {
        tally.count("api operations fuzzed");
        for (int i = 0; i < perOperation && go.getAsBoolean(); i++) {
          send(operation.getKey().name(), path.getKey(), operation.getValue());
        }
      }
    }
  }

  private void send(String method, String template, Operation operation) {
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    String path = template;
    StringBuilder query = new StringBuilder();
    for (Parameter parameter : parameters) {
      String value = value(parameter.getSchema());
      if ("path".equals(parameter.getIn())) {
        path = path.replace("{" + parameter.getName() + "}", value);
      } else if ("query".equals(parameter.getIn()) && random.nextBoolean()) {
        query.append(query.length() == 0 ? "?" : "&").append(parameter.getName()).append('=');
        query.append(
            random.nextBoolean()
                ? value
                : URLEncoder.encode(hostileText(), StandardCharsets.UTF_8));
      }
    }
    Schema<?> schema = bodySchema(operation);
    String contentType = contentType();
    String body = body(schema);
    HttpRequest.Builder request =
        admin
            .request(path + query)
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .timeout(ANSWER_WITHIN)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> answer;
    String call = method + " " + template + " (" + contentType + ", " + body.length() + " chars)";
    try {
      answer = sendOnce(request.build());
    } catch (RuntimeException e) {
      if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES
          && !(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
        // The server may answer early and close a connection whose body is over the limit while
        // the client is still sending it; the client then sees the connection end, not the 413.
        tally.count("api requests over the body limit cut off while sending");
        return;
      }
      tally.count("api requests without an answer (" + e.getClass().getSimpleName() + ")");
      tally.finding(call + " " + path + query + ": no answer: " + e);
      return;
    }
    tally.count("api requests");
    tally.count("api responses " + answer.statusCode());
    if (answer.statusCode() == 500) {
      tally.finding(
          "500 on "
              + call
              + " "
              + path
              + query
              + " with body "
              + body.substring(0, Math.min(200, body.length()))
              + ": "
              + answer.body());
    }
    if (answer.statusCode() < 400 && isPage(answer)) {
      // A path like /api/x/..%2F.. leaves /api and reaches a staff page as the administrator;
      // what the page shows (incidents with their exception class, for one) is for staff to see.
      tally.count("api requests answered by a staff page (the path left /api)");
      return;
    }
    tally.leak("api response to " + call, answer.body());
  }

  /**
   * Sends a request; when the connection it went out on turns out closed before any answer (a
   * kept-alive connection the server had just closed, after a refused body, say), sends it once
   * more on a new one, as any HTTP client does. A second silence is the server's.
   */
  private HttpResponse<String> sendOnce(HttpRequest request) {
    try {
      return admin.send(request);
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
        throw e;
      }
      tally.count("api requests sent again after their connection closed unanswered");
      return admin.send(request);
    }
  }

  private static boolean isPage(HttpResponse<String> answer) {
    return answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
  }

  private String value(Schema<?> schema) {
    String type = schema == null ? "string" : String.valueOf(schema.getType());
    boolean numeric = type.equals("integer") || type.equals("number");
    List<String> pool = numeric || random.nextInt(4) == 0 ? numbers : codes;
    return pool.get(random.nextInt(pool.size()));
  }

  private static Schema<?> bodySchema(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return null;
    }
    MediaType json = operation.getRequestBody().getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  private String contentType() {
    String[] types = {
      "application/json",
      "application/json",
      "application/json",
      "application/json; charset=UTF-16",
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=xyz",
      "image/jpeg",
      "application/octet-stream",
      null
    };
    return types[random.nextInt(types.length)];
  }

  private String body(Schema<?> schema) {
    return switch (random.nextInt(9)) {
      case 0 -> "";
      case 1 ->
          new String[] {"{", "null", "[]", "\"x\"", "42", "{\"a\":}", "{'a':1}", "{}}"}
              [random.nextInt(8)];
      case 2 -> wrongTypes(schema);
      case 3 -> "{\"name\":\"" + "A".repeat(100_000 + random.nextInt(900_000)) + "\"}";
      case 4 -> "[".repeat(1000 + random.nextInt(100_000)) + "]".repeat(random.nextInt(100));
      case 5 -> "{\"a\":".repeat(1000 + random.nextInt(20_000)) + "1";
      case 6 -> "{\"n\":1e999999999,\"m\":" + "9".repeat(5000) + "}";
      case 7 -> "\uFEFF{\"name\":\"\\ud800\\u0000\u202E\"}";
      default -> sameFieldsHostileValues(schema);
    };
  }

  /** Every field of the operation's own schema, each with a value of the wrong type. */
  private String wrongTypes(Schema<?> schema) {
    StringBuilder json = new StringBuilder("{");
    for (String field : fields(schema)) {
      String[] wrong = {"[]", "{}", "\"not-a-number\"", "-1e400", "true", "[{\"x\":[]}]", "123"};
      json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":");
      json.append(wrong[random.nextInt(wrong.length)]);
    }
    return json.append('}').toString();
  }

  /** Every field of the schema with strings that are hostile but of the right type. */
  private String sameFieldsHostileValues(Schema<?> schema) {
    StringBuilder json = new StringBuilder("{");
    for (String field : fields(schema)) {
      json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":\"");
      json.append(hostileText().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      if (random.nextInt(4) == 0) {
        json.append(",\"").append(field).append("\":null"); // the field twice
      }
    }
    return json.append('}').toString();
  }

  private List<String> fields(Schema<?> schema) {
    if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
      return List.of("name", "code", "id", "value");
    }
    return new ArrayList<>(schema.getProperties().keySet());
  }

  private String hostileText() {
    String[] texts = {
      "=HYPERLINK(\"http://x\")",
      "\r\nX-Injected: 1",
      "\u0000",
      "\uD83D\uDE00",
      "\u202Eevil",
      "<script>alert(1)</script>",
      "'; drop table member; --",
      "${jndi:ldap://127.0.0.1/x}",
      "#{1+1}",
      "../../etc/passwd",
      "%s%n%x",
      "x".repeat(5000),
      ""
    };
    return texts[random.nextInt(texts.length)];
  }
}
