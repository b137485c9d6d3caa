package org.avgym.devices.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.avgym.devices.control.DeviceTokens;
import org.avgym.devices.entity.Device;
import org.avgym.devices.entity.DeviceIdentity;
import org.avgym.devices.entity.DeviceRevoked;
import org.avgym.devices.entity.DeviceView;
import org.avgym.locations.entity.Location;

/** Registers devices, issues and rotates their tokens, and authenticates device sessions. */
@Stateless
public class DeviceRegistry {

  @PersistenceContext EntityManager em;
  @Inject Event<DeviceRevoked> revoked;

  public Optional<DeviceIdentity> authenticate(String token) {
    if (!DeviceTokens.plausible(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Device.BY_TOKEN_HASH, Device.class)
        .setParameter("hash", DeviceTokens.hash(token))
        .getResultStream()
        .filter(Device::isEnabled)
        .findFirst()
        .map(
            d ->
                new DeviceIdentity(
                    d.getId(),
                    d.getCode(),
                    d.getName(),
                    d.getLocation().getId(),
                    d.getLocation().getCode()));
  }

  public List<DeviceView> all() {
    return em.createNamedQuery(Device.ALL, Device.class).getResultList().stream()
        .map(d -> DeviceView.of(d, null))
        .toList();
  }

  public Optional<DeviceView> find(long id) {
    return Optional.ofNullable(em.find(Device.class, id)).map(d -> DeviceView.of(d, null));
  }

  public boolean codeTaken(String code) {
    return !em.createQuery("select d.id from Device d where d.code = :code", Long.class)
        .setParameter("code", code)
        .getResultList()
        .isEmpty();
  }

  /** Registers a device; the answer carries its token, which is never shown again. */
  public DeviceView register(String code, String name, Location location, Device.Kind kind) {
    String token = DeviceTokens.newToken();
    Device device = new Device(code, name, location, kind, DeviceTokens.hash(token));
    em.persist(device);
    em.flush();
    return DeviceView.of(device, token);
  }

  public Optional<DeviceView> rotate(long id) {
    Device device = em.find(Device.class, id);
    if (device == null) {
      return Optional.empty();
    }
    String token = DeviceTokens.newToken();
    device.rotateToken(DeviceTokens.hash(token));
    revoked.fire(new DeviceRevoked(id, device.getCode(), "token rotated"));
    return Optional.of(DeviceView.of(device, token));
  }

  public Optional<DeviceView> setEnabled(long id, boolean enabled) {
    Device device = em.find(Device.class, id);
    if (device == null) {
      return Optional.empty();
    }
    device.setEnabled(enabled);
    if (!enabled) {
      revoked.fire(new DeviceRevoked(id, device.getCode(), "device disabled"));
    }
    return Optional.of(DeviceView.of(device, null));
  }
}
