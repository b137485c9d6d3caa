package org.avgym.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.avgym.platform.boundary.Problems;
import org.avgym.security.control.StaffDirectory;
import org.avgym.security.entity.Role;
import org.avgym.security.entity.StaffUserView;

/** Staff users and roles; administrators only. */
@Path("staff-users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class StaffUsersResource {

  @Inject StaffDirectory directory;

  public record NewStaffUser(
      @NotNull
          @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "3 to 64 letters, digits or ._@-")
          String username,
      @NotBlank @Size(max = 128) String displayName,
      @NotNull @Size(min = StaffDirectory.MIN_PASSWORD_LENGTH, max = 256) String password,
      @NotNull Role role) {}

  public record StaffUserChange(
      Role role,
      Boolean enabled,
      @Size(min = StaffDirectory.MIN_PASSWORD_LENGTH, max = 256) String password) {}

  @GET
  public List<StaffUserView> all() {
    return directory.all().stream().map(StaffUserView::of).toList();
  }

  @GET
  @Path("{id}")
  public StaffUserView one(@PathParam("id") long id) {
    return directory
        .find(id)
        .map(StaffUserView::of)
        .orElseThrow(() -> Problems.notFound("no staff user " + id));
  }

  @POST
  public Response create(@Valid @NotNull NewStaffUser request, @Context UriInfo uri) {
    try {
      StaffUserView created =
          StaffUserView.of(
              directory.create(
                  request.username(),
                  request.displayName().trim(),
                  request.password(),
                  request.role()));
      return Response.created(
              uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
          .entity(created)
          .build();
    } catch (RuntimeException e) {
      if (rootCause(e) instanceof StaffDirectory.DuplicateUsernameException duplicate) {
        throw Problems.conflict(duplicate.getMessage());
      }
      throw e;
    }
  }

  @PATCH
  @Path("{id}")
  public StaffUserView change(
      @PathParam("id") long id,
      @Valid @NotNull StaffUserChange change,
      @Context SecurityContext caller) {
    StaffUserView current = one(id);
    boolean self = current.username().equalsIgnoreCase(caller.getUserPrincipal().getName());
    if (self && (Boolean.FALSE.equals(change.enabled()) || change.role() == Role.STAFF)) {
      throw Problems.badRequest("role", "you cannot demote or disable yourself");
    }
    return StaffUserView.of(
        directory.update(id, change.role(), change.enabled(), change.password()));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
