package org.avgym.dashboard.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Which club this desk is at, chosen once per sign-in: desk check-ins, the desk pop-up and the
 * duplicate check of a sign-up start from it. Null until chosen (a chain-wide view).
 */
@Named
@SessionScoped
public class DeskStation implements Serializable {

  private static final long serialVersionUID = 1L;

  private String location;

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location == null || location.isBlank() ? null : location;
  }
}
