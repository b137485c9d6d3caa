package org.avgym.locations.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.avgym.locations.entity.OccupancyView;
import org.avgym.security.entity.Role;

/** How many people are inside each location now, against its capacity. */
@Path("occupancy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class OccupancyResource {

  @Inject Locations locations;

  @GET
  public List<OccupancyView> all() {
    return locations.all().stream().map(OccupancyView::of).toList();
  }
}
