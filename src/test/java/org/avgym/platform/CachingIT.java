package org.avgym.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.avgym.it.Browser;
import org.avgym.it.Deployments;
import org.avgym.it.TestDatabase;
import org.avgym.platform.control.ContentVersion;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A front desk on a slow Wi-Fi: text answers come gzip-compressed when the browser asks (the test
 * servers' listener is set up as in server-config/pre-boot.asadmin), static resources are kept by
 * the browser (a year when their URL is versioned), pages never; the icon is there; the login page
 * loads without console errors.
 */
@ExtendWith(ArquillianExtension.class)
class CachingIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String YEAR = "public, max-age=31536000, immutable";
  private static final Pattern STYLE_SHEET =
      Pattern.compile("href=\"(/jakarta\\.faces\\.resource/avgym/avgym\\.css\\.xhtml[^\"]*)\"");

  /**
   * HTTP/1.1 as a browser speaks on plain HTTP; Java's client would otherwise upgrade to HTTP/2
   * (h2c), whose answers Grizzly does not compress.
   */
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.avgym(TestDatabase.configured());
  }

  @Test
  void pageAndStyleSheetComeBackGzippedWhenAskedAndPlainOtherwise() {
    HttpResponse<byte[]> page = get("/login.xhtml", true);
    assertEquals(200, page.statusCode());
    assertEquals("gzip", encoding(page));
    String html = gunzip(page.body());
    assertTrue(html.contains("Staff sign-in"), html);

    HttpResponse<byte[]> css = get(styleSheetPath(html), true);
    assertEquals(200, css.statusCode());
    assertEquals("gzip", encoding(css));
    assertTrue(gunzip(css.body()).contains(".avgym-header"));
    assertTrue(css.body().length * 2 < gunzip(css.body()).length(), "compressed to under half");

    HttpResponse<byte[]> plain = get("/login.xhtml", false);
    assertEquals("", encoding(plain), "no gzip for a client that did not ask for it");
    assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("Staff sign-in"));
  }

  @Test
  void versionedResourcesAreKeptAYearAndPagesNever() {
    HttpResponse<byte[]> page = get("/login.xhtml", false);
    assertEquals("no-store", cacheControl(page));

    String cssPath = styleSheetPath(new String(page.body(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> css = get(cssPath, false);
    assertEquals(200, css.statusCode());
    assertEquals(YEAR, cacheControl(css));

    HttpResponse<byte[]> primeFaces =
        get("/jakarta.faces.resource/core.js.xhtml?ln=primefaces", false);
    assertEquals(200, primeFaces.statusCode());
    assertEquals("public, max-age=86400", cacheControl(primeFaces), "no version, a day");
  }

  @Test
  void theStyleSheetsVersionChangesWithItsContent() throws IOException {
    String cssPath =
        styleSheetPath(new String(get("/login.xhtml", false).body(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> css = get(cssPath, false);
    String version = cssPath.substring(cssPath.indexOf("v=") + 2);
    assertEquals(ContentVersion.of(new ByteArrayInputStream(css.body())), version);
  }

  @Test
  void theFaviconIsAnIconLinkedFromTheLoginPage() {
    HttpResponse<byte[]> icon = get("/favicon.ico", false);
    assertEquals(200, icon.statusCode());
    assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon.body(), 4), "an ICO file");
    assertEquals("public, max-age=86400", cacheControl(icon));

    String html = new String(get("/login.xhtml", false).body(), StandardCharsets.UTF_8);
    assertTrue(html.contains("<link rel=\"icon\" href=\"/favicon.ico\""), html);
    Matcher svg =
        Pattern.compile("href=\"(/jakarta\\.faces\\.resource/avgym/favicon[^\"]*)\"").matcher(html);
    assertTrue(svg.find(), html);
    HttpResponse<byte[]> vector = get(svg.group(1), false);
    assertEquals(200, vector.statusCode());
    assertEquals("image/svg+xml", vector.headers().firstValue("Content-Type").orElse(""));
    assertEquals(YEAR, cacheControl(vector));
  }

  @Test
  void unknownResourcesAre404AndNeverKept() {
    for (String path :
        List.of(
            "/jakarta.faces.resource/nope.css.xhtml?v=1",
            "/jakarta.faces.resource/avgym/avgym.css.xhtml?ln=nolibrary&v=1",
            "/jakarta.faces.resource/web.xml.xhtml?ln=..%2FWEB-INF&v=1",
            "/jakarta.faces.resource/.xhtml?v=1",
            "/resources/avgym/nope.css",
            "/resources/avgym/")) {
      HttpResponse<byte[]> missing = get(path, true);
      assertEquals(404, missing.statusCode(), path);
      assertFalse(cacheControl(missing).contains("max-age"), path + ": " + cacheControl(missing));
    }
  }

  @Test
  void loginPageLogsNoConsoleErrors() {
    try (Browser browser = new Browser()) {
      browser.open(base + "login.xhtml");
      browser.waitFor(By.id("login:username"));
      // the browser asks for /favicon.ico by itself once the page has loaded
      Browser.until(browser.driver(), d -> !browser.driver().getTitle().isEmpty());
      List<LogEntry> errors =
          browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
              .toList();
      assertTrue(errors.isEmpty(), errors.toString());
    }
  }

  @Test
  void chosenButtonOfAButtonGroupIsAnnouncedAsChecked() {
    try (Browser browser = new Browser()) {
      browser.logIn(base.toString(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
      browser.waitFor(By.id("tabs"));
      Browser.until(
          browser.driver(),
          d -> {
            List<WebElement> radios =
                d.findElements(By.cssSelector(".ui-selectonebutton [role=radio]"));
            return !radios.isEmpty()
                && radios.stream()
                    .allMatch(
                        r ->
                            String.valueOf(r.getAttribute("class").contains("ui-state-active"))
                                .equals(r.getAttribute("aria-checked")));
          });
    }
  }

  private HttpResponse<byte[]> get(String path, boolean gzip) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).timeout(WAIT);
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String styleSheetPath(String html) {
    Matcher css = STYLE_SHEET.matcher(html);
    assertTrue(css.find(), "the page links avgym.css: " + html);
    String path = css.group(1).replace("&amp;", "&");
    assertTrue(path.contains("v="), "versioned: " + path);
    return path;
  }

  private static String encoding(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Encoding").orElse("");
  }

  private static String cacheControl(HttpResponse<?> response) {
    return response.headers().firstValue("Cache-Control").orElse("");
  }

  private static String gunzip(byte[] body) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
