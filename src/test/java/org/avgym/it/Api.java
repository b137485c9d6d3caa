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
import java.util.Map;

/** A small HTTP client for ITs: real requests to the deployed application on loopback. */
public final class Api {

  private final URI base;

  /**
   * HTTP/1.1, as browsers and integrators speak to AV Gym over plain HTTP: by default the JDK
   * client asks every server to upgrade to h2c, and through HAProxy such an upgraded connection
   * ended in EOF under load.
   */
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
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
    return new Api(base, basic(user, password));
  }

  /** An HTTP Basic {@code Authorization} header value. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Calls with an API token as bearer. */
  public Api withToken(String secret) {
    return new Api(base, "Bearer " + secret);
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
    HttpResponse<String> posted = loginForm(user, password);
    if (posted.statusCode() != 302) {
      throw new IllegalStateException("login failed: " + posted.statusCode());
    }
    return cookie(posted);
  }

  /** Submits the login page's form as a browser would; the answer to the POST. */
  public HttpResponse<String> loginForm(String user, String password) {
    return submit(
        "/login.xhtml", "", "login", Map.of("username", user, "password", password), "submit");
  }

  /**
   * Loads a Faces page with the session {@code cookie} (may be empty) and submits its form {@code
   * form} as a browser would: the fields by their ids within the form, the view state, the button,
   * and the CSP nonce that PrimeFaces' script adds to every postback. The answer to the POST.
   */
  public HttpResponse<String> submit(
      String page, String cookie, String form, Map<String, String> fields, String button) {
    HttpRequest.Builder get = request(page).GET();
    if (!cookie.isEmpty()) {
      get.header("Cookie", cookie);
    }
    HttpResponse<String> loaded = send(get.build());
    java.util.regex.Matcher viewState =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
            .matcher(loaded.body());
    if (!viewState.find()) {
      throw new IllegalStateException("no view state on " + page + ": " + loaded.statusCode());
    }
    String session = cookie.isEmpty() ? cookie(loaded) : cookie;
    StringBuilder body = new StringBuilder(encode(form)).append('=').append(encode(form));
    fields.forEach(
        (id, value) ->
            body.append('&').append(encode(form + ":" + id)).append('=').append(encode(value)));
    body.append('&').append(encode(form + ":" + button)).append('=');
    body.append("&jakarta.faces.ViewState=").append(encode(viewState.group(1)));
    java.util.regex.Matcher nonce =
        java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(loaded.body());
    if (nonce.find()) {
      body.append("&primefaces.nonce=").append(encode(nonce.group(1)));
    }
    HttpRequest.Builder post =
        HttpRequest.newBuilder(uri(page))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!session.isEmpty()) {
      post.header("Cookie", session);
    }
    return send(post.build());
  }

  /**
   * The session cookies a response sets ({@code JSESSIONID=…} and, for a session kept in the data
   * grid, Payara's {@code JSESSIONIDVERSION=…}, which must travel with it), or an empty string.
   */
  public static String cookie(HttpResponse<String> response) {
    return String.join(
        "; ",
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("JSESSIONIDVERSION="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .toList());
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
