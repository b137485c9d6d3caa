package org.avgym.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Logger;
import org.avgym.platform.control.DatabaseDefaults;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Publishes the build as a metric and says in the log what runs, on which database, where. */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "InitialAdmin"})
public class BuildInfo {

  private static final Logger LOG = Logger.getLogger(BuildInfo.class.getName());

  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "avgym.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "avgym.public-url", defaultValue = "http://localhost:8080/")
  String publicUrl;

  private String version = "unknown";

  @PostConstruct
  void announce() {
    version = readVersion();
    registry.gauge(
        Metadata.builder()
            .withName("avgym_build_info")
            .withDescription("AV Gym build; the value is always 1")
            .build(),
        () -> 1,
        new Tag("version", version),
        new Tag("java", System.getProperty("java.version", "unknown")));
    LOG.info(
        () ->
            "AV Gym "
                + version
                + " started on "
                + DatabaseDefaults.databaseKind(url)
                + ". Open "
                + publicUrl);
  }

  public String version() {
    return version;
  }

  private String readVersion() {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/avgym-build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
