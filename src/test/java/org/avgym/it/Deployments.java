package org.avgym.it;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds IT deployments from the real avgym.war that {@code package} produced, deployed at the root
 * context, plus a small jar of test settings that outranks the WAR's defaults.
 */
public final class Deployments {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "it-admin-password-1";

  private Deployments() {}

  public static WebArchive avgym(Map<String, String> settings) {
    awaitPreviousServers();
    File war = new File(System.getProperty("avgym.war", "target/avgym.war"));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("config_ordinal", "500");
    all.put("avgym.admin.username", ADMIN);
    all.put("avgym.admin.password", ADMIN_PASSWORD);
    all.put("avgym.demo.enabled", "false");
    // Test peers (receivers, the simulated gateway) listen on loopback, which pools may not
    // reach by default.
    all.put("avgym.pools.allowed-networks", "127.0.0.0/8");
    all.putAll(settings);
    String properties =
        all.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace(":", "\\:"))
            .collect(Collectors.joining("\n", "", "\n"));
    JavaArchive testSettings =
        ShrinkWrap.create(JavaArchive.class, "avgym-it-settings.jar")
            .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addAsLibrary(testSettings);
  }

  /**
   * Waits until the test servers of earlier test classes have exited. They share this build's data
   * grid name; a new server that joined a grid whose last member was still shutting down could lose
   * grid data (the live stream's history) as that member went, which no real deployment does
   * between two test classes.
   */
  private static void awaitPreviousServers() {
    String name = System.getProperty("avgym.itCluster", "");
    if (name.isBlank()) {
      return;
    }
    String grid = "--clustername " + name;
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      boolean running =
          ProcessHandle.allProcesses()
              .anyMatch(
                  p ->
                      p.info()
                          .arguments()
                          .map(a -> String.join(" ", a).contains(grid))
                          .orElse(false));
      if (!running) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
