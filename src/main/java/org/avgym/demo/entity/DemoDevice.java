package org.avgym.demo.entity;

import java.time.ZoneId;

/** A demo device with its current token, held in memory only for the simulator. */
public record DemoDevice(long id, String code, String location, ZoneId zone, String token) {

  /** Never prints the token: records would otherwise leak it into any log line. */
  @Override
  public String toString() {
    return "DemoDevice[" + code + " at " + location + "]";
  }
}
