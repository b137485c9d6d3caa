/**
 * MicroProfile Health: liveness from the JVM alone, readiness from the database (and, as they land,
 * the pools), start-up from the schema migrations.
 */
package org.avgym.health;
