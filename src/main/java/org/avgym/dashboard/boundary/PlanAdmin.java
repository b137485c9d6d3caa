package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.members.boundary.Plans;
import org.avgym.members.entity.PlanInput;
import org.avgym.members.entity.PlanView;
import org.avgym.platform.control.Refusal;

/** Administrators add and change membership plans: duration, allowed hours and locations. */
@Named
@ViewScoped
public class PlanAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "plan-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "name", FORM + "name",
          "durationDays", FORM + "durationDays",
          "allowedHours", FORM + "allowedHours",
          "allowedLocations", FORM + "allowedLocations");

  @Inject Plans plans;
  @Inject Locations locations;

  private List<PlanView> list;
  private List<String> locationCodes;
  private Long editing;
  private String name;
  private Integer durationDays = 30;
  private String allowedHours = "*";
  private List<String> allowedLocations = new ArrayList<>();
  private boolean active = true;

  public List<PlanView> getList() {
    if (list == null) {
      list = plans.all().stream().map(PlanView::of).toList();
    }
    return list;
  }

  public List<String> getLocationCodes() {
    if (locationCodes == null) {
      locationCodes = locations.all().stream().map(Location::getCode).toList();
    }
    return locationCodes;
  }

  public void startNew() {
    editing = null;
    name = null;
    durationDays = 30;
    allowedHours = "*";
    allowedLocations = new ArrayList<>();
    active = true;
  }

  public void edit(PlanView plan) {
    editing = plan.id();
    name = plan.name();
    durationDays = plan.durationDays();
    allowedHours = plan.allowedHours();
    allowedLocations = new ArrayList<>(plan.allowedLocations());
    active = plan.active();
  }

  public void save() {
    PlanInput input =
        new PlanInput(name, durationDays, allowedHours, List.copyOf(allowedLocations), active);
    if (!Feedback.valid("Plan not saved", input, FIELDS)) {
      return;
    }
    try {
      if (editing == null) {
        editing = plans.create(input).getId();
        Feedback.done("Plan added", name);
      } else {
        plans.update(editing, input);
        Feedback.done("Plan saved", name);
      }
      list = null;
    } catch (Refusal refusal) {
      Feedback.refused("Plan not saved", refusal, FIELDS);
    }
  }

  public boolean isCreating() {
    return editing == null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getDurationDays() {
    return durationDays;
  }

  public void setDurationDays(Integer durationDays) {
    this.durationDays = durationDays;
  }

  public String getAllowedHours() {
    return allowedHours;
  }

  public void setAllowedHours(String allowedHours) {
    this.allowedHours = allowedHours;
  }

  public List<String> getAllowedLocations() {
    return allowedLocations;
  }

  public void setAllowedLocations(List<String> allowedLocations) {
    this.allowedLocations = allowedLocations == null ? new ArrayList<>() : allowedLocations;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
