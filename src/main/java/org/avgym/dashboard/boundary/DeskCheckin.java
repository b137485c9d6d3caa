package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.avgym.checkin.boundary.CheckinGate;
import org.avgym.checkin.control.LocationGate;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinResult;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ManualCheckin;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.LocationView;
import org.avgym.platform.control.Refusal;

/**
 * A check-in entered by staff at the desk, decided by the same {@link CheckinGate} as device scans
 * and published to the live feed after commit. A reason is always required; {@code override} admits
 * someone the rules deny (recorded as warned, the reasons kept).
 */
@Named
@ViewScoped
public class DeskCheckin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "desk:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "location", FORM + "desk-location",
          "credential", FORM + "desk-credential",
          "direction", FORM + "desk-direction",
          "reason", FORM + "desk-reason");

  @Inject CheckinGate gate;
  @Inject Locations locations;
  @Inject CurrentUser user;

  private String location;
  private String credential;
  private String direction = "in";
  private String reason;
  private boolean override;
  private Long lastCheckinId;
  private String lastDecision;
  private List<LocationView> choices;

  public List<LocationView> getLocations() {
    if (choices == null) {
      choices = locations.all().stream().map(LocationView::of).toList();
    }
    return choices;
  }

  public void submit() {
    lastCheckinId = null;
    ManualCheckin input =
        new ManualCheckin(location, credential, direction, reason, override, null);
    if (!Feedback.valid("Check-in not recorded", input, FIELDS)) {
      return;
    }
    try {
      long locationId = locations.require(location).getId();
      CheckinResult result =
          gate.decide(
              CheckinRequest.byStaff(
                  user.getName(),
                  locationId,
                  UUID.randomUUID().toString(),
                  credential.trim(),
                  Direction.parse(direction),
                  reason.trim(),
                  override));
      lastCheckinId = result.checkinId();
      lastDecision = result.decision().wire();
      String who = result.memberName() == null ? "Unknown credential" : result.memberName();
      String why =
          result.reasons().isEmpty()
              ? ""
              : " ("
                  + result.reasons().stream()
                      .map(r -> r.name().toLowerCase().replace('_', ' '))
                      .collect(Collectors.joining(", "))
                  + ")";
      Feedback.done(
          title(result.decision()) + ": " + who,
          result.direction().wire() + " at " + result.location() + why);
      credential = null;
      reason = null;
      override = false;
    } catch (LocationGate.Busy busy) {
      Feedback.error("Check-in not recorded", null, Feedback.CLUB_BUSY, FIELDS);
    } catch (Refusal refusal) {
      Feedback.refused("Check-in not recorded", refusal, FIELDS);
    }
  }

  private static String title(Decision decision) {
    return switch (decision) {
      case GRANTED -> "Checked in";
      case WARNED -> "Let in with a warning";
      case DENIED -> "Denied";
    };
  }

  /** Prefills the form from the member page's credential list. */
  public void use(String value) {
    credential = value;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getCredential() {
    return credential;
  }

  public void setCredential(String credential) {
    this.credential = credential;
  }

  public String getDirection() {
    return direction;
  }

  public void setDirection(String direction) {
    this.direction = direction;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isOverride() {
    return override;
  }

  public void setOverride(boolean override) {
    this.override = override;
  }

  public Long getLastCheckinId() {
    return lastCheckinId;
  }

  public String getLastDecision() {
    return lastDecision;
  }
}
