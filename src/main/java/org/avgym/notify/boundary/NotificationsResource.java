package org.avgym.notify.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.avgym.analytics.boundary.EventTracker;
import org.avgym.analytics.entity.EventCategory;
import org.avgym.analytics.entity.Severity;
import org.avgym.notify.entity.ChannelInput;
import org.avgym.notify.entity.ChannelView;
import org.avgym.notify.entity.DeliveryState;
import org.avgym.notify.entity.DeliveryView;
import org.avgym.platform.boundary.Created;
import org.avgym.platform.control.Refusal;
import org.avgym.security.entity.Role;

/**
 * Alert notification channels over REST (docs/api.md): admins list, add, change and remove them,
 * send a test notification through the outbox, and read a channel's recent notifications.
 */
@Path("notifications/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class NotificationsResource {

  @Inject NotificationChannels channels;
  @Inject NotificationTests tests;
  @Inject EventTracker events;

  @GET
  public List<ChannelView> channels() {
    return channels.all();
  }

  @GET
  @Path("{id}")
  public ChannelView channel(@PathParam("id") long id) {
    return channels.find(id);
  }

  /**
   * 201 with the channel; its signing key is in this answer only (generated when none was sent).
   */
  @POST
  public Response create(
      ChannelInput input, @Context SecurityContext caller, @Context UriInfo uri) {
    ChannelView created = channels.create(input, user(caller));
    userEvent("notification-channel.created", caller, created.name());
    return Created.at(uri, "notifications/channels", created.id(), created);
  }

  @PUT
  @Path("{id}")
  public ChannelView update(
      @PathParam("id") long id, ChannelInput input, @Context SecurityContext caller) {
    ChannelView updated = channels.update(id, input);
    userEvent("notification-channel.updated", caller, updated.name());
    return updated;
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id, @Context SecurityContext caller) {
    channels.delete(id);
    userEvent("notification-channel.deleted", caller, "channel " + id);
    return Response.noContent().build();
  }

  /**
   * Sends a test notification through the outbox, one attempt, and answers with its outcome: 200
   * when it was delivered or failed (the reason in {@code lastError}), 202 when it is still waiting
   * to be sent after the wait.
   */
  @POST
  @Path("{id}/test")
  public Response test(@PathParam("id") long id, @Context SecurityContext caller) {
    DeliveryView outcome = tests.send(id, user(caller));
    userEvent("notification-channel.tested", caller, outcome.channel() + ": " + outcome.state());
    return Response.status(outcome.state() == DeliveryState.PENDING ? 202 : 200)
        .entity(outcome)
        .build();
  }

  @GET
  @Path("{id}/deliveries")
  public List<DeliveryView> deliveries(
      @PathParam("id") long id, @QueryParam("limit") Integer limit) {
    int max = limit == null ? 50 : limit;
    if (max < 1 || max > NotificationChannels.MAX_RECENT) {
      throw Refusal.invalid("limit", "limit must be 1 to " + NotificationChannels.MAX_RECENT);
    }
    return channels.deliveries(id, max);
  }

  private static String user(SecurityContext caller) {
    return caller.getUserPrincipal().getName();
  }

  private void userEvent(String type, SecurityContext caller, String details) {
    events.record(EventCategory.USER, type, user(caller), Severity.INFO, details);
  }
}
