package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.LocationInput;
import org.avgym.locations.entity.LocationView;
import org.avgym.platform.control.Refusal;

/** Administrators add and change locations: capacity, opening hours, time zone, closed. */
@Named
@ViewScoped
public class LocationAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "location-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "code", FORM + "code",
          "name", FORM + "name",
          "timeZone", FORM + "timeZone",
          "capacity", FORM + "capacity",
          "openingHours", FORM + "openingHours");

  @Inject Locations locations;

  private List<LocationView> list;
  private boolean creating = true;
  private String code;
  private String name;
  private String timeZone = "Europe/Ljubljana";
  private Integer capacity;
  private String openingHours = "*";
  private boolean closed;

  public List<LocationView> getList() {
    if (list == null) {
      list = locations.all().stream().map(LocationView::of).toList();
    }
    return list;
  }

  public void startNew() {
    creating = true;
    code = null;
    name = null;
    timeZone = "Europe/Ljubljana";
    capacity = null;
    openingHours = "*";
    closed = false;
  }

  public void edit(LocationView location) {
    creating = false;
    code = location.code();
    name = location.name();
    timeZone = location.timeZone();
    capacity = location.capacity();
    openingHours = location.openingHours();
    closed = location.closed();
  }

  public void save() {
    LocationInput input = new LocationInput(code, name, timeZone, capacity, openingHours, closed);
    Class<?> group =
        creating ? LocationInput.Creation.class : jakarta.validation.groups.Default.class;
    if (!Feedback.valid("Location not saved", input, FIELDS, group)) {
      return;
    }
    try {
      if (creating) {
        locations.create(input);
      } else {
        locations.update(code, input);
      }
      Feedback.done(creating ? "Location added" : "Location saved", code);
      list = null;
      creating = false;
    } catch (Refusal refusal) {
      Feedback.refused("Location not saved", refusal, FIELDS);
    }
  }

  public boolean isCreating() {
    return creating;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getOpeningHours() {
    return openingHours;
  }

  public void setOpeningHours(String openingHours) {
    this.openingHours = openingHours;
  }

  public boolean isClosed() {
    return closed;
  }

  public void setClosed(boolean closed) {
    this.closed = closed;
  }
}
