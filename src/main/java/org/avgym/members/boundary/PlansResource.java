package org.avgym.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.avgym.members.entity.PlanInput;
import org.avgym.members.entity.PlanView;
import org.avgym.platform.boundary.Created;
import org.avgym.security.entity.Role;

/** Membership plans: staff read them, administrators configure them. */
@Path("plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class PlansResource {

  @Inject Plans plans;

  @GET
  public List<PlanView> all() {
    return plans.all().stream().map(PlanView::of).toList();
  }

  @GET
  @Path("{id}")
  public PlanView one(@PathParam("id") long id) {
    return PlanView.of(plans.require(id));
  }

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(@Valid @NotNull PlanInput input, @Context UriInfo uri) {
    PlanView created = PlanView.of(plans.create(input));
    return Created.at(uri, "plans", created.id(), created);
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  public PlanView update(@PathParam("id") long id, @Valid @NotNull PlanInput input) {
    return PlanView.of(plans.update(id, input));
  }
}
