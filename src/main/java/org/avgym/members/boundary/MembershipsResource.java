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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.avgym.members.entity.CancelRequest;
import org.avgym.members.entity.ChangePreview;
import org.avgym.members.entity.ChangeRequest;
import org.avgym.members.entity.FreezeRequest;
import org.avgym.members.entity.Membership;
import org.avgym.members.entity.MembershipChange;
import org.avgym.members.entity.MembershipView;
import org.avgym.platform.control.Fields;
import org.avgym.security.entity.Role;

/**
 * A membership's life after it starts: renew, change plan, freeze, unfreeze, cancel. The bodies are
 * optional (but for a plan change); a change the membership's state does not allow is a 409, a
 * start before the plan allows a 400 naming startsAt.
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

  /**
   * Renews a membership with a new one on the same (or another) plan; with {@code ?preview=true}
   * answers what it would do (a {@link ChangePreview}) and changes nothing.
   */
  @POST
  @Path("{id}/renew")
  public Object renew(
      @PathParam("id") long id,
      @QueryParam("preview") boolean preview,
      @Valid ChangeRequest request) {
    ChangeRequest body = request == null ? new ChangeRequest(null, null) : request;
    Instant start = Fields.instant("startsAt", body.startsAt(), null);
    if (start == null) {
      Membership renewed = memberships.require(id);
      Instant now = Instant.now();
      start =
          renewed.getEndsAt() != null && renewed.getEndsAt().isAfter(now)
              ? renewed.getEndsAt()
              : now;
    }
    return change(MembershipChange.renewal(id, body.planId(), start), preview);
  }

  /** Moves a membership to another plan from {@code startsAt}; {@code ?preview=true} as above. */
  @POST
  @Path("{id}/change-plan")
  public Object changePlan(
      @PathParam("id") long id,
      @QueryParam("preview") boolean preview,
      @Valid @NotNull ChangeRequest request) {
    Instant start = Fields.instant("startsAt", request.startsAt(), Instant.now());
    return change(MembershipChange.planChange(id, request.planId(), start), preview);
  }

  private Object change(MembershipChange change, boolean preview) {
    return preview ? memberships.preview(change) : MembershipView.of(memberships.apply(change));
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
