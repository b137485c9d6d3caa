package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void answersOnlyForItsOwnKeyBetweenFileAndEnvironment() {
    DatabaseDefaults source = new DatabaseDefaults();
    assertEquals(null, source.getValue("avgym.db.url"));
    assertEquals(250, source.getOrdinal());
    assertEquals(
        DatabaseDefaults.dataSourceClassFor(System.getenv("AVGYM_DB_URL")),
        source.getValue(DatabaseDefaults.DATASOURCE_CLASS));
  }
}
