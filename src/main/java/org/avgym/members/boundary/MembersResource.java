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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.avgym.members.entity.CredentialInput;
import org.avgym.members.entity.CredentialView;
import org.avgym.members.entity.MemberInput;
import org.avgym.members.entity.MemberView;
import org.avgym.members.entity.MembershipView;
import org.avgym.members.entity.NewMembership;
import org.avgym.members.entity.TimelineEntry;
import org.avgym.platform.boundary.Created;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.platform.entity.Page;
import org.avgym.security.entity.Role;

/**
 * Members, and the memberships and credentials issued to them; the front desk's work. One member's
 * detail ({@code GET members/{id}}) adds their recent check-ins and visits, so the check-in feature
 * serves it, on this same path.
 */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_NAME)
public class MembersResource {

  @Inject Members members;
  @Inject Memberships memberships;
  @Inject Credentials credentials;
  @Inject MemberPhotos photos;
  @Inject MemberHistory history;

  @GET
  public Page<MemberView> search(
      @QueryParam("q") String text,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return members.search(text, Fields.paging(page, size)).map(MemberView::of);
  }

  @POST
  public Response create(@Valid @NotNull MemberInput input, @Context UriInfo uri) {
    MemberView created = MemberView.of(members.create(input));
    return Created.at(uri, "members", created.id(), created);
  }

  @PUT
  @Path("{id}")
  public MemberView update(@PathParam("id") long id, @Valid @NotNull MemberInput input) {
    return MemberView.of(members.update(id, input));
  }

  /** The member's photo as AV Gym stored it (a JPEG), or 404 when there is none. */
  @GET
  @Path("{id}/photo")
  @Produces("image/jpeg")
  public Response photo(@PathParam("id") long id) {
    members.require(id);
    return photos
        .find(id)
        .map(
            p ->
                Response.ok(p.bytes(), p.contentType())
                    .header("Cache-Control", "private, max-age=300")
                    .build())
        .orElseThrow(() -> Refusal.notFound("member " + id + " has no photo"));
  }

  /** Stores a JPEG or PNG photo, checked, re-encoded and size-limited; 400 naming "photo". */
  @PUT
  @Path("{id}/photo")
  @Consumes({"image/jpeg", "image/png"})
  public Response storePhoto(@PathParam("id") long id, byte[] photo) {
    photos.store(id, photo);
    return Response.noContent().build();
  }

  /** Membership and credential changes, newest first (see {@link MemberHistory}). */
  @GET
  @Path("{id}/timeline")
  public List<TimelineEntry> timeline(@PathParam("id") long id) {
    return history.timeline(id);
  }

  @POST
  @Path("{id}/memberships")
  public Response startMembership(
      @PathParam("id") long id, @Valid @NotNull NewMembership request, @Context UriInfo uri) {
    MembershipView started = MembershipView.of(memberships.start(id, request));
    return Created.at(uri, "memberships", started.id(), started);
  }

  @POST
  @Path("{id}/credentials")
  public Response issueCredential(
      @PathParam("id") long id, @Valid @NotNull CredentialInput input, @Context UriInfo uri) {
    CredentialView issued = CredentialView.of(credentials.issue(id, input));
    return Created.at(uri, "credentials", issued.id(), issued);
  }
}
