package org.avgym.locations.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.avgym.locations.entity.LocationInput;
import org.avgym.locations.entity.LocationView;
import org.avgym.platform.boundary.Created;
import org.avgym.security.entity.Role;

/** Gym sites: every staff member may read them, administrators configure them. */
@Path("locations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class LocationsResource {

  @Inject Locations locations;

  @GET
  public List<LocationView> all() {
    return locations.all().stream().map(LocationView::of).toList();
  }

  @GET
  @Path("{code}")
  public LocationView one(@PathParam("code") String code) {
    return LocationView.of(locations.require(code));
  }

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(
      @Valid @ConvertGroup(from = Default.class, to = LocationInput.Creation.class) @NotNull
          LocationInput input,
      @Context UriInfo uri) {
    LocationView created = LocationView.of(locations.create(input));
    return Created.at(uri, "locations", created.code(), created);
  }

  @PUT
  @Path("{code}")
  @RolesAllowed(Role.ADMIN_NAME)
  public LocationView update(@PathParam("code") String code, @Valid @NotNull LocationInput input) {
    return LocationView.of(locations.update(code, input));
  }
}
