package org.avgym.platform.entity;

import jakarta.enterprise.inject.spi.CDI;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An unexpected error answered with 500, fired for analytics with its stack trace. */
public record ServerError(String incident, String summary, String stackTrace, Instant at)
    implements Serializable {

  /**
   * Fires the event from places CDI does not inject into (JAX-RS exception mappers); never throws,
   * as the caller is already answering an error.
   */
  public static void report(String incident, Throwable error) {
    try {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      CDI.current()
          .getBeanManager()
          .getEvent()
          .select(ServerError.class)
          .fire(new ServerError(incident, String.valueOf(error), trace.toString(), Instant.now()));
    } catch (RuntimeException e) {
      Logger.getLogger(ServerError.class.getName())
          .log(Level.WARNING, "Could not report server error " + incident + " to analytics", e);
    }
  }
}
