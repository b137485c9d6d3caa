package org.avgym.checkin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.avgym.checkin.control.CheckinAnswer;
import org.avgym.checkin.control.LocationGate;
import org.avgym.checkin.entity.CheckinQuery;
import org.avgym.checkin.entity.CheckinRequest;
import org.avgym.checkin.entity.CheckinView;
import org.avgym.checkin.entity.Decision;
import org.avgym.checkin.entity.Direction;
import org.avgym.checkin.entity.ManualCheckin;
import org.avgym.locations.boundary.Locations;
import org.avgym.platform.boundary.Problems;
import org.avgym.platform.control.Fields;
import org.avgym.platform.control.Refusal;
import org.avgym.platform.entity.Page;
import org.avgym.security.entity.Role;

/**
 * Recorded check-ins, filtered and paged (newest first), and manual check-ins by staff at the desk,
 * decided by the same {@link CheckinDesk} as device scans, through the same {@link CheckinGate},
 * with the staff user and reason recorded.
 */
@Path("checkins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_NAME)
public class CheckinsResource {

  @Inject Checkins checkins;
  @Inject CheckinGate gate;
  @Inject Locations locations;

  @GET
  public Page<CheckinView> query(
      @QueryParam("location") String location,
      @QueryParam("member") String member,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("decision") String decision,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Long locationId =
        location == null || location.isBlank()
            ? null
            : locations
                .find(location.trim())
                .orElseThrow(() -> Refusal.invalid("location", "no location with code " + location))
                .getId();
    CheckinQuery query =
        new CheckinQuery(
            locationId,
            Fields.number("member", member),
            Fields.instant("from", from, null),
            Fields.instant("to", to, null),
            Fields.choice("decision", decision, Decision.class, null));
    return checkins.query(query, Fields.paging(page, size));
  }

  @POST
  @Path("manual")
  public JsonObject manual(@Valid @NotNull ManualCheckin request, @Context SecurityContext caller) {
    long locationId = locations.require(request.location()).getId();
    String requestId =
        request.requestId() == null ? UUID.randomUUID().toString() : request.requestId();
    CheckinRequest checkin =
        CheckinRequest.byStaff(
            caller.getUserPrincipal().getName(),
            locationId,
            requestId,
            request.credential(),
            Fields.choice("direction", request.direction(), Direction.class, Direction.IN),
            request.reason().trim(),
            Boolean.TRUE.equals(request.override()));
    try {
      return CheckinAnswer.of(gate.decide(checkin));
    } catch (LocationGate.Busy busy) {
      throw new WebApplicationException(
          Response.fromResponse(
                  Problems.response(
                      503,
                      "Service Unavailable",
                      "the club's check-ins are queued; nothing was recorded: send the same"
                          + " requestId again"))
              .header("Retry-After", "1")
              .build());
    }
  }
}
