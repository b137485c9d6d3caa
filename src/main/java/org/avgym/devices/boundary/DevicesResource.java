package org.avgym.devices.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.avgym.devices.entity.Device;
import org.avgym.devices.entity.DeviceView;
import org.avgym.devices.entity.NewDevice;
import org.avgym.locations.boundary.Locations;
import org.avgym.locations.entity.Location;
import org.avgym.platform.boundary.Created;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.security.entity.Role;

/**
 * Device registration, administrators only. A device's token appears once, in the answer that
 * issued it (registration or rotation); every other answer leaves it out.
 */
@Path("devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class DevicesResource {

  @Inject DeviceRegistry registry;
  @Inject Locations locations;

  @GET
  public List<DeviceView> all() {
    return registry.all();
  }

  @GET
  @Path("{id}")
  public DeviceView one(@PathParam("id") long id) {
    return found(id, registry.find(id));
  }

  @POST
  public Response register(@Valid @NotNull NewDevice request, @Context UriInfo uri) {
    Location location =
        locations
            .find(request.location())
            .orElseThrow(
                () -> Refusal.invalid("location", "no location with code " + request.location()));
    Device.Kind kind = Fields.choice("kind", request.kind(), Device.Kind.class, null);
    if (registry.codeTaken(request.code())) {
      throw Refusal.conflict("a device with code " + request.code() + " already exists");
    }
    DeviceView registered;
    try {
      registered = registry.register(request.code(), request.name().trim(), location, kind);
    } catch (EJBException e) {
      if (e.getCause() instanceof PersistenceException) {
        // Another request registered the same code between the check and the insert.
        throw Refusal.conflict("a device with code " + request.code() + " already exists");
      }
      throw e;
    }
    return Created.at(uri, "devices", registered.id(), registered);
  }

  /** Issues a new token (shown once in this answer) and closes sessions using the old one. */
  @POST
  @Path("{id}/rotate")
  public DeviceView rotate(@PathParam("id") long id) {
    return found(id, registry.rotate(id));
  }

  /** Stops the device: its token no longer works and its open session is closed. */
  @POST
  @Path("{id}/disable")
  public DeviceView disable(@PathParam("id") long id) {
    return found(id, registry.setEnabled(id, false));
  }

  @POST
  @Path("{id}/enable")
  public DeviceView enable(@PathParam("id") long id) {
    return found(id, registry.setEnabled(id, true));
  }

  private static DeviceView found(long id, Optional<DeviceView> device) {
    return device.orElseThrow(() -> Refusal.notFound("no device " + id));
  }
}
