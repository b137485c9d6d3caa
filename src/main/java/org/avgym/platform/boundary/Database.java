package org.avgym.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's data sources, one database. Every value comes from MicroProfile Config, so the
 * same WAR runs on the embedded H2 default and on PostgreSQL (see docs/configuration.md). Pooled
 * connections are validated, and the whole pool is dropped after one failure, so that the
 * application recovers by itself once the database is back.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "${MPCONFIG=avgym.db.datasource-class}",
    url = "${MPCONFIG=avgym.db.url}",
    user = "${MPCONFIG=avgym.db.user}",
    password = "${MPCONFIG=avgym.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    loginTimeout = 5,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000",
      "fish.payara.statement-timeout-in-seconds=30",
      "fish.payara.connection-creation-retry-attempts=0"
    })
@DataSourceDefinition(
    name = Database.CONTROL_JNDI_NAME,
    className = "${MPCONFIG=avgym.db.datasource-class}",
    url = "${MPCONFIG=avgym.db.url}",
    user = "${MPCONFIG=avgym.db.user}",
    password = "${MPCONFIG=avgym.db.password}",
    minPoolSize = 1,
    maxPoolSize = 4,
    loginTimeout = 5,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000",
      "fish.payara.statement-timeout-in-seconds=30",
      "fish.payara.connection-creation-retry-attempts=0"
    })
@Singleton
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/avgym";

  /**
   * The same database through a small pool of its own, for the work that must go on while check-ins
   * hold every connection of the main pool: the readiness probe (a busy instance is not a database
   * outage, and taking it out of the load balancer only moves its load to the others) and the
   * pools' leases and outbox figures (a lease not renewed in time moves the pool).
   */
  public static final String CONTROL_JNDI_NAME = "java:app/jdbc/avgym-control";
}
