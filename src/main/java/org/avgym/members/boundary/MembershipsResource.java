package org.avgym.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.avgym.members.entity.CancelRequest;
import org.avgym.members.entity.FreezeRequest;
import org.avgym.members.entity.MembershipView;
import org.avgym.security.entity.Role;

/**
 * A membership's life after it starts: freeze, unfreeze, cancel. The bodies are optional; a change
 * the membership's state does not allow is a 409.
 */
@Path("memberships")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_NAME)
public class MembershipsResource {

  @Inject Memberships memberships;

  @GET
  @Path("{id}")
  public MembershipView one(@PathParam("id") long id) {
    return MembershipView.of(memberships.require(id));
  }

  @POST
  @Path("{id}/freeze")
  public MembershipView freeze(@PathParam("id") long id, @Valid FreezeRequest request) {
    return MembershipView.of(
        memberships.freeze(id, request == null ? new FreezeRequest(null, null, null) : request));
  }

  @POST
  @Path("{id}/unfreeze")
  public MembershipView unfreeze(@PathParam("id") long id) {
    return MembershipView.of(memberships.unfreeze(id));
  }

  @POST
  @Path("{id}/cancel")
  public MembershipView cancel(
      @PathParam("id") long id, @Valid CancelRequest request, @Context SecurityContext caller) {
    return MembershipView.of(
        memberships.cancel(
            id,
            request == null ? new CancelRequest(null) : request,
            caller.getUserPrincipal().getName()));
  }
}
