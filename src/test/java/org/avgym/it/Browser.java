package org.avgym.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; Selenium Manager never downloads
 * anything.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;

  public Browser() {
    this(1280, 800);
  }

  /** A browser whose window is {@code width} × {@code height} CSS pixels (a tablet: 768 × 1024). */
  public Browser(int width, int height) {
    this(width, height, new String[0]);
  }

  /**
   * A browser with Chromium's fake webcam (a test pattern), granted without asking, as the desk's
   * camera for p:photoCam.
   */
  public static Browser withWebcam() {
    return new Browser(
        1280, 900, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
  }

  private Browser(int width, int height, String... extra) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--window-size=" + width + "," + height,
          "--user-data-dir=" + Files.createTempDirectory("avgym-chromium"));
      options.addArguments(extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public void logIn(String base, String user, String password) {
    open(base + "login.xhtml");
    driver.findElement(By.id("login:username")).sendKeys(user);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
  }

  /**
   * Signs in and waits for the dashboard; closes this browser if that fails, since no test holds it
   * yet (left open, its Chromium would outlive the run).
   */
  public Browser onDashboard(String base, String user, String password) {
    try {
      logIn(base, user, password);
      waitFor(By.id("tabs"));
      return this;
    } catch (RuntimeException | AssertionError e) {
      close();
      throw e;
    }
  }

  public void waitFor(By locator) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(45))
          .until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          locator
              + " never showed; the page shows: "
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** Picks {@code label} in a PrimeFaces selectOneMenu. */
  public static void choose(WebDriver driver, String menuId, String label) {
    By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
    By shown = By.id(menuId + "_label");
    for (int attempt = 1; ; attempt++) {
      dismissNotices(driver);
      driver.findElement(By.id(menuId)).click();
      new WebDriverWait(driver, Duration.ofSeconds(45))
          .until(ExpectedConditions.elementToBeClickable(item));
      // As a person would: once the list has opened, not while it is still sliding open (a click
      // then can be lost, and the choice with it).
      sleep(Duration.ofMillis(300));
      driver.findElement(item).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .ignoring(StaleElementReferenceException.class)
            .until(d -> label.equals(d.findElement(shown).getText()));
        return;
      } catch (org.openqa.selenium.TimeoutException notChosen) {
        if (attempt == 3) {
          throw notChosen;
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Clicks what a user would click once the page lets them: a closing select list or dialog
   * animates over it for a moment after the last action, and a click then lands on the list.
   */
  public static void click(WebDriver driver, By target) {
    new WebDriverWait(driver, Duration.ofSeconds(45))
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(target).click();
              return true;
            });
  }

  /** Closes the growl notices (live alerts) a user would close before using what they cover. */
  public static void dismissNotices(WebDriver driver) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.querySelectorAll('.ui-growl-item-container').forEach(e => e.remove());");
  }

  /** Waits for a condition; ajax updates replace elements between a look-up and its use. */
  public static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(45))
          .ignoring(StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("never happened; " + describe(driver), e);
    }
  }

  /** What the page shows and what the browser's console said, for a failure message. */
  public static String describe(WebDriver driver) {
    String console;
    try {
      console =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(entry -> entry.getLevel() + " " + entry.getMessage())
              .collect(Collectors.joining("\n"));
    } catch (RuntimeException e) {
      console = "(no console log: " + e.getMessage() + ")";
    }
    return "the console said:\n"
        + console
        + "\nthe page shows:\n"
        + driver.findElement(By.tagName("body")).getText();
  }

  public byte[] screenshot() {
    return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
  }

  /** Saves a screenshot as {@code name}.png when {@code -Davgym.screenshots.dir} is set. */
  public void saveScreenshot(String name) {
    String dir = System.getProperty("avgym.screenshots.dir");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      java.nio.file.Path path = java.nio.file.Path.of(dir).resolve(name + ".png");
      Files.createDirectories(path.getParent());
      Files.write(path, screenshot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
