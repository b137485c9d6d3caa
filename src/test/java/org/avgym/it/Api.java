package org.avgym.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for ITs: real requests to the deployed application on loopback. */
public final class Api {

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String authorization;

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Api at(URL base) {
    return new Api(URI.create(base.toString().replaceAll("/+$", "") + "/"), null);
  }

  public Api as(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(base, "Basic " + token);
  }

  public Api anonymous() {
    return new Api(base, null);
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  /**
   * Logs in through the real login page, as a browser would, and returns the session cookie ({@code
   * JSESSIONID=…}).
   */
  public String formLogin(String user, String password) {
    HttpResponse<String> page = get("/login.xhtml");
    java.util.regex.Matcher viewState =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
            .matcher(page.body());
    if (!viewState.find()) {
      throw new IllegalStateException("no view state on the login page");
    }
    String cookie = cookie(page);
    String form =
        "login=login&login%3Ausername="
            + encode(user)
            + "&login%3Apassword="
            + encode(password)
            + "&login%3Asubmit=&jakarta.faces.ViewState="
            + encode(viewState.group(1));
    HttpResponse<String> posted =
        send(
            HttpRequest.newBuilder(uri("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (posted.statusCode() != 302) {
      throw new IllegalStateException("login failed: " + posted.statusCode());
    }
    String renewed = cookie(posted);
    return renewed.isEmpty() ? cookie : renewed;
  }

  private static String cookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElse("");
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  public static JsonStructure jsonValue(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).read();
  }
}
