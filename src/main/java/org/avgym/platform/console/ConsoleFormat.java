package org.avgym.platform.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The run command's console: one line per record, {@code 12:00:00.123 INFO SchemaMigrations:
 * message}, instead of Payara's records with product, thread ids, milliseconds and level values. A
 * thrown exception follows on the next lines. It is loaded by the JVM's own logging, not by the
 * application (the run script puts it on the boot class path and names it in
 * server-config/logging.properties), so it uses nothing but the JDK.
 */
public class ConsoleFormat extends Formatter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(160);
    line.append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
        .append(' ')
        .append(String.format("%-7s", record.getLevel().getName()))
        .append(' ')
        .append(shortName(record.getLoggerName()))
        .append(": ")
        .append(message(record))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }

  /**
   * The record's message with its parameters. Payara logs message ids ({@code AS-DEPLOYMENT-00015})
   * whose text is in its logger's resource bundle, which the record itself may not carry.
   */
  String message(LogRecord record) {
    String formatted = formatMessage(record);
    if (record.getMessage() == null || !formatted.equals(record.getMessage())) {
      return formatted;
    }
    Logger logger =
        record.getLoggerName() == null
            ? null
            : LogManager.getLogManager().getLogger(record.getLoggerName());
    ResourceBundle bundle = logger == null ? null : logger.getResourceBundle();
    if (bundle == null || !bundle.containsKey(record.getMessage())) {
      return formatted;
    }
    String pattern = bundle.getString(record.getMessage());
    Object[] parameters = record.getParameters();
    try {
      return parameters == null || parameters.length == 0
          ? pattern
          : MessageFormat.format(pattern, parameters);
    } catch (IllegalArgumentException badPattern) {
      return pattern;
    }
  }

  /** {@code org.avgym.platform.boundary.SchemaMigrations} → {@code SchemaMigrations}. */
  static String shortName(String logger) {
    if (logger == null || logger.isEmpty()) {
      return "-";
    }
    String name = logger.endsWith(".") ? logger.substring(0, logger.length() - 1) : logger;
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
