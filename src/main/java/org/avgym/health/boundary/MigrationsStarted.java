package org.avgym.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.avgym.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema migrations are done. */
@Startup
@ApplicationScoped
public class MigrationsStarted implements HealthCheck {

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    boolean done = migrations.isComplete();
    var response = HealthCheckResponse.named("schema-migrations").status(done);
    if (done) {
      response.withData("schemaVersion", migrations.schemaVersion());
    }
    return response.build();
  }
}
