package org.avgym.pools.boundary;

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
import java.util.Map;
import org.avgym.platform.boundary.Created;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.PoolRules;
import org.avgym.pools.entity.EndpointInput;
import org.avgym.pools.entity.PoolInput;
import org.avgym.pools.entity.PoolView;
import org.avgym.security.entity.Role;

/**
 * Downstream connection pools with their live state: staff read them, administrators create,
 * reconfigure (applied live) and destroy them and add or remove endpoints.
 */
@Path("pools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.STAFF_NAME})
public class PoolsResource {

  /** The most test deliveries one request may send. */
  static final int MAX_TEST_EVENTS = 10_000;

  @Inject Pools pools;
  @Inject PoolSupervisor supervisor;

  @Context SecurityContext caller;

  @GET
  public List<PoolView> all() {
    return supervisor.views().stream().map(this::forCaller).toList();
  }

  @GET
  @Path("{name}")
  public PoolView one(@PathParam("name") String name) {
    return forCaller(
        supervisor.view(name).orElseThrow(() -> Refusal.notFound("no pool named " + name)));
  }

  /**
   * Administrators see endpoint URLs whole (they manage them, and remove one by its URL); staff see
   * them with the query values hidden, where tokens for the downstream system tend to be.
   */
  private PoolView forCaller(PoolView view) {
    return caller.isUserInRole(Role.ADMIN_NAME) ? view : view.withUrls(PoolRules::shown);
  }

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  public Response create(PoolInput input, @Context UriInfo uri) {
    if (input == null) {
      throw Refusal.invalid("body", "a pool definition is required");
    }
    String name = pools.create(input).name();
    return Created.at(uri, "pools", name, current(name));
  }

  @PUT
  @Path("{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public PoolView reconfigure(@PathParam("name") String name, PoolInput input) {
    if (input == null) {
      throw Refusal.invalid("body", "a pool definition is required");
    }
    pools.reconfigure(name, input);
    return current(name);
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response destroy(@PathParam("name") String name) {
    pools.destroy(name);
    return Response.noContent().build();
  }

  @POST
  @Path("{name}/endpoints")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response addEndpoint(
      @PathParam("name") String name, EndpointInput input, @Context UriInfo uri) {
    if (input == null) {
      throw Refusal.invalid("url", "url is required");
    }
    pools.addEndpoint(name, input);
    return Response.status(Response.Status.CREATED).entity(current(name)).build();
  }

  /** The body of a test-events request. */
  public record TestEvents(Integer count) {}

  /**
   * Sends {@code count} (1 to {@value #MAX_TEST_EVENTS}, default 1) test deliveries through the
   * pool, topic {@code test}, to check its endpoints end to end; answers how many the outbox took
   * and how many it refused as overflow.
   */
  @POST
  @Path("{name}/test-events")
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, Integer> testEvents(@PathParam("name") String name, TestEvents input) {
    int count = input == null || input.count() == null ? 1 : input.count();
    if (count < 1 || count > MAX_TEST_EVENTS) {
      throw Refusal.invalid("count", "count must be between 1 and " + MAX_TEST_EVENTS);
    }
    int accepted = supervisor.sendTestEvents(name, count);
    return Map.of("accepted", accepted, "overflowed", count - accepted);
  }

  /**
   * Changes an endpoint, named by its URL in the {@code url} query parameter: {@code weight}, and
   * {@code enabled} false to take it out for maintenance (its connection closes, its deliveries go
   * to the others) or true to bring it back.
   */
  @PUT
  @Path("{name}/endpoints")
  @RolesAllowed(Role.ADMIN_NAME)
  public PoolView changeEndpoint(
      @PathParam("name") String name, @QueryParam("url") String url, EndpointInput input) {
    if (url == null || url.isBlank()) {
      throw Refusal.invalid("url", "url is required");
    }
    pools.changeEndpoint(name, url, input);
    return current(name);
  }

  /** Removes an endpoint, named by its URL in the {@code url} query parameter. */
  @DELETE
  @Path("{name}/endpoints")
  @RolesAllowed(Role.ADMIN_NAME)
  public PoolView removeEndpoint(@PathParam("name") String name, @QueryParam("url") String url) {
    if (url == null || url.isBlank()) {
      throw Refusal.invalid("url", "url is required");
    }
    pools.removeEndpoint(name, url);
    return current(name);
  }

  /**
   * What the built-in simulated gateway has received, per {@code name} query parameter of its
   * connections: a test and demo aid, so only administrators see it.
   */
  @GET
  @Path("_simulator")
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, GatewayStats.Counts> simulator() {
    simulatorOn();
    return GatewayStats.snapshot();
  }

  /**
   * Changes the faults of the simulated endpoints of one {@code name} from now on, for example
   * {@code {"down":true}} to kill them and {@code {"down":false}} to bring them back.
   */
  @PUT
  @Path("_simulator/{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Map<String, GatewayFaults.Fault> fault(
      @PathParam("name") String name, GatewayFaults.Fault fault) {
    simulatorOn();
    if (fault == null) {
      throw Refusal.invalid("body", "a fault is required, for example {\"down\":true}");
    }
    rate("failRate", fault.failRate());
    rate("dropRate", fault.dropRate());
    if (fault.latencyMs() != null
        && (fault.latencyMs() < 0 || fault.latencyMs() > SimulatedGateway.MAX_DELAY_MS)) {
      throw Refusal.invalid(
          "latencyMs", "latencyMs must be between 0 and " + SimulatedGateway.MAX_DELAY_MS);
    }
    GatewayFaults.set(name, fault);
    return GatewayFaults.snapshot();
  }

  @DELETE
  @Path("_simulator/{name}")
  @RolesAllowed(Role.ADMIN_NAME)
  public Response clearFault(@PathParam("name") String name) {
    simulatorOn();
    GatewayFaults.clear(name);
    return Response.noContent().build();
  }

  private static void simulatorOn() {
    if (!SimulatorSwitch.enabled()) {
      throw Refusal.notFound(
          "the simulated gateway is off (avgym.pools.simulator.enabled, or demo mode)");
    }
  }

  private static void rate(String field, Double value) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw Refusal.invalid(field, field + " must be between 0 and 1");
    }
  }

  private PoolView current(String name) {
    return supervisor.view(name).orElseThrow(() -> Refusal.notFound("no pool named " + name));
  }
}
