package org.avgym.checkin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.avgym.checkin.entity.MemberDetail;
import org.avgym.members.boundary.Members;
import org.avgym.members.entity.CredentialView;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipView;
import org.avgym.security.entity.Role;

/**
 * One member's detail for the front desk: the member, their memberships and credentials, and their
 * recent check-ins and visits. It joins members with what this feature records, so it is served
 * here and members does not depend on check-ins.
 *
 * <p>It shares the path {@code members} with the members feature's resource: Jersey, Payara's
 * JAX-RS runtime, merges resources with the same path into one, so the two together answer every
 * {@code /api/members} request (the specification leaves two classes on one path to the runtime).
 */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_NAME)
public class MemberDetailResource {

  /** How many recent check-ins and visits a member's detail shows. */
  static final int RECENT = 20;

  @Inject Members members;
  @Inject Checkins checkins;

  @GET
  @Path("{id}")
  public MemberDetail one(@PathParam("id") long id) {
    MemberView member = MemberView.of(members.require(id));
    return MemberDetail.of(
        member,
        members.memberships(id).stream().map(MembershipView::of).toList(),
        members.credentials(id).stream().map(CredentialView::of).toList(),
        checkins.recentFor(id, RECENT),
        checkins.recentVisits(id, RECENT));
  }
}
