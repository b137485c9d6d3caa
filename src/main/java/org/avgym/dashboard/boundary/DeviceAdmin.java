package org.avgym.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.avgym.devices.boundary.DeviceRegistry;
import org.avgym.devices.entity.Device;
import org.avgym.devices.entity.DeviceView;
import org.avgym.devices.entity.NewDevice;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.platform.control.Refusal;

/**
 * Administrators register devices, rotate their tokens, and disable or enable them. A token is
 * shown once, in the answer that issued it: the bean forgets it as soon as the dialog is closed,
 * and the registry keeps only its hash.
 */
@Named
@ViewScoped
public class DeviceAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String FORM = "device-form:";
  private static final Map<String, String> FIELDS =
      Map.of(
          "code", FORM + "code",
          "name", FORM + "name",
          "location", FORM + "location",
          "kind", FORM + "kind");

  @Inject DeviceRegistry registry;
  @Inject Locations locations;

  private List<DeviceView> list;
  private List<String> locationCodes;
  private String code;
  private String name;
  private String location;
  private String kind = "turnstile";
  private DeviceView issued;

  public List<DeviceView> getList() {
    if (list == null) {
      list = registry.all();
    }
    return list;
  }

  public List<String> getLocationCodes() {
    if (locationCodes == null) {
      locationCodes = locations.all().stream().map(Location::getCode).toList();
    }
    return locationCodes;
  }

  public void register() {
    NewDevice input = new NewDevice(code, name, location, kind);
    if (!Feedback.valid("Device not registered", input, FIELDS)) {
      return;
    }
    if (registry.codeTaken(code)) {
      Feedback.error(
          "Device not registered", "code", "a device with code " + code + " exists", FIELDS);
      return;
    }
    try {
      Location where = locations.require(location);
      issued =
          registry.register(
              code, name.trim(), where, Device.Kind.valueOf(kind.toUpperCase(Locale.ROOT)));
      Feedback.done("Device registered", code);
      code = null;
      name = null;
      list = null;
    } catch (Refusal refusal) {
      Feedback.refused("Device not registered", refusal, FIELDS);
    }
  }

  public void rotate(DeviceView device) {
    Optional<DeviceView> rotated = registry.rotate(device.id());
    issued = rotated.orElse(null);
    show(rotated, "Token rotated", device);
  }

  public void setEnabled(DeviceView device, boolean enabled) {
    issued = null;
    show(
        registry.setEnabled(device.id(), enabled),
        enabled ? "Device enabled" : "Device disabled",
        device);
  }

  private void show(Optional<DeviceView> changed, String summary, DeviceView device) {
    if (changed.isEmpty()) {
      Feedback.error("Device not found", null, "no device " + device.code(), Map.of());
      return;
    }
    Feedback.done(summary, device.code());
    list = null;
  }

  /** Called when the token dialog closes: the token is gone for good. */
  public void forgetToken() {
    issued = null;
  }

  public DeviceView getIssued() {
    return issued;
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

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
