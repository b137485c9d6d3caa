package org.avgym.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

  @Test
  void oneLineWithTimeLevelShortLoggerAndMessage() {
    LogRecord record = new LogRecord(Level.INFO, "Schema migrations done: {0} applied");
    record.setParameters(new Object[] {5});
    record.setLoggerName("org.avgym.platform.boundary.SchemaMigrations");
    String line = new ConsoleFormat().format(record);
    assertTrue(
        line.matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO    SchemaMigrations: Schema migrations done: 5"
                + " applied\\R"),
        line);
  }

  @Test
  void aThrownExceptionFollowsOnTheNextLines() {
    LogRecord record = new LogRecord(Level.WARNING, "Demo traffic tick failed");
    record.setLoggerName("PayaraMicro");
    record.setThrown(new IllegalStateException("boom"));
    String[] lines = new ConsoleFormat().format(record).split("\\R");
    assertTrue(lines[0].endsWith(" WARNING PayaraMicro: Demo traffic tick failed"), lines[0]);
    assertEquals("java.lang.IllegalStateException: boom", lines[1]);
  }

  @Test
  void aMessageIdIsLookedUpInItsLoggersBundle() {
    Logger bundled = Logger.getLogger("test.console.bundled", Messages.class.getName());
    LogRecord record = new LogRecord(Level.WARNING, "AS-TEST-00001");
    record.setLoggerName(bundled.getName());
    record.setParameters(new Object[] {"a", "b"});
    assertTrue(
        new ConsoleFormat().format(record).contains("bundled: Unsupported element a value b."));
  }

  /** A logger's message bundle, as Payara's loggers have. */
  public static class Messages extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return new Object[][] {{"AS-TEST-00001", "Unsupported element {0} value {1}."}};
    }
  }

  @Test
  void shortNamesOfOddLoggers() {
    assertEquals("-", ConsoleFormat.shortName(null));
    assertEquals("web", ConsoleFormat.shortName("jakarta.enterprise.web"));
    assertEquals("x", ConsoleFormat.shortName("a.x."));
  }
}
