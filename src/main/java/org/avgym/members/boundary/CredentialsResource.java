package org.avgym.members.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.avgym.members.entity.BlockRequest;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.CredentialStatus;
import org.avgym.members.entity.CredentialView;
import org.avgym.platform.boundary.Created;
import org.avgym.platform.control.Fields;
import org.avgym.security.entity.Role;

/** Blocking, unblocking and replacing the cards, QR codes and tags members scan. */
@Path("credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_NAME)
public class CredentialsResource {

  @Inject Credentials credentials;

  @GET
  @Path("{id}")
  public CredentialView one(@PathParam("id") long id) {
    return CredentialView.of(credentials.require(id));
  }

  @POST
  @Path("{id}/block")
  public CredentialView block(@PathParam("id") long id, @Valid BlockRequest request) {
    CredentialStatus why =
        Fields.choice(
            "status",
            request == null ? null : request.status(),
            CredentialStatus.class,
            CredentialStatus.BLOCKED);
    return CredentialView.of(credentials.block(id, why));
  }

  @POST
  @Path("{id}/unblock")
  public CredentialView unblock(@PathParam("id") long id) {
    return CredentialView.of(credentials.unblock(id));
  }

  @POST
  @Path("{id}/replace")
  public Response replace(
      @PathParam("id") long id, @Valid @NotNull CredentialInput input, @Context UriInfo uri) {
    CredentialView successor = CredentialView.of(credentials.replace(id, input));
    return Created.at(uri, "credentials", successor.id(), successor);
  }
}
