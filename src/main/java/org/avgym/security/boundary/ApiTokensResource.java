package org.avgym.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.avgym.platform.boundary.Problems;
import org.avgym.security.control.ApiTokens;
import org.avgym.security.entity.ApiTokenView;
import org.avgym.security.entity.IssuedToken;
import org.avgym.security.entity.Role;

/**
 * API tokens for integrations (PROTOCOL.md §4); administrators only, signed in with their own
 * password or session: a token cannot manage tokens ({@link TokenScopeFilter}).
 */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokensResource {

  @Inject ApiTokens tokens;

  /**
   * A token to issue: {@code resources} and {@code topics} empty or absent mean all the role
   * allows; {@code expiresAt} (an ISO-8601 instant) or {@code days} from now, else the default.
   */
  public record NewToken(
      String name,
      Role role,
      List<String> resources,
      List<String> topics,
      Instant expiresAt,
      Integer days) {}

  @GET
  public List<ApiTokenView> all() {
    return tokens.all();
  }

  @GET
  @Path("{id}")
  public ApiTokenView one(@PathParam("id") long id) {
    return tokens.find(id).orElseThrow(() -> Problems.notFound("no API token " + id));
  }

  /** Issues a token; the answer holds its secret, which is never shown again. */
  @POST
  public Response issue(
      @NotNull NewToken request, @Context SecurityContext caller, @Context UriInfo uri) {
    IssuedToken issued =
        tokens.issue(
            request.name(),
            request.role(),
            request.resources(),
            request.topics(),
            request.expiresAt(),
            request.days(),
            caller.getUserPrincipal().getName());
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(issued.token().id())).build())
        .entity(issued)
        .build();
  }

  /** Revokes a token at once, on every instance; its open live sessions are closed. */
  @DELETE
  @Path("{id}")
  public ApiTokenView revoke(@PathParam("id") long id, @Context SecurityContext caller) {
    return tokens.revoke(id, caller.getUserPrincipal().getName());
  }
}
