package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseDefaultsTest {

  @Test
  void postgresUrlSelectsThePostgresDataSource() {
    assertEquals(
        "org.postgresql.ds.PGSimpleDataSource",
        DatabaseDefaults.dataSourceClassFor("jdbc:postgresql://db:5432/avgym"));
    assertEquals("PostgreSQL", DatabaseDefaults.databaseKind(" jdbc:postgresql://db/avgym"));
  }

  @Test
  void missingOrOtherUrlFallsBackToEmbeddedH2() {
    assertEquals("org.h2.jdbcx.JdbcDataSource", DatabaseDefaults.dataSourceClassFor(null));
    assertEquals(
        "org.h2.jdbcx.JdbcDataSource",
        DatabaseDefaults.dataSourceClassFor("jdbc:h2:file:./data/x"));
    assertEquals("H2 (embedded)", DatabaseDefaults.databaseKind("jdbc:h2:mem:x"));
  }

  @Test
  void answersOnlyForItsOwnKeyBelowEveryOtherSource() {
    DatabaseDefaults source = new DatabaseDefaults();
    assertEquals(null, source.getValue("avgym.db.url"));
    // Payara's lowest source (the secrets directory) is 90, the properties file 100: a derived
    // default must never outrank a value set anywhere (issue 13: it outranked the domain's 110).
    assertTrue(source.getOrdinal() < 90, "ordinal " + source.getOrdinal());
    // Without a configuration (no MicroProfile Config here) the embedded default applies.
    assertEquals("org.h2.jdbcx.JdbcDataSource", source.getValue(DatabaseDefaults.DATASOURCE_CLASS));
  }
}
