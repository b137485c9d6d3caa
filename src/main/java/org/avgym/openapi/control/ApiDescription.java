package org.avgym.openapi.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.avgym.openapi.control.ApiResources.Endpoint;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes each operation Payara scanned from the resource method behind it: a unique operation id
 * and a tag, the roles ({@code x-roles}, from {@code @RolesAllowed}; administrators are also
 * staff), the success code (201 for a creation, 204 for no body), the problem responses it can
 * answer, descriptions of the common query parameters, examples for the main operations, and the
 * constraints of the bodies ({@link BodySchemas}). Registered as {@code mp.openapi.filter}.
 */
public class ApiDescription implements OASFilter {

  private static final Logger LOG = Logger.getLogger(ApiDescription.class.getName());

  static final String ROLES = "x-roles";
  private static final String ADMIN = "ADMIN";
  private static final String STAFF = "STAFF";
  private static final String JSON = "application/json";

  /** Examples (in META-INF/openapi.yaml) by operation id: request, then answer. */
  static final Map<String, List<String>> EXAMPLES =
      Map.ofEntries(
          Map.entry("locationsCreate", List.of("location-input", "location")),
          Map.entry("locationsUpdate", List.of("location-input", "location")),
          Map.entry("plansCreate", List.of("plan-input", "")),
          Map.entry("membersSearch", List.of("", "members-page")),
          Map.entry("membersCreate", List.of("member-input", "member")),
          Map.entry("membersUpdate", List.of("member-input", "member")),
          Map.entry("membersStartMembership", List.of("membership-input", "")),
          Map.entry("membersIssueCredential", List.of("credential-input", "")),
          Map.entry("devicesRegister", List.of("device-input", "device")),
          Map.entry("checkinsManual", List.of("manual-checkin", "checkin-result")),
          Map.entry("staffUsersCreate", List.of("staff-user-input", "")));

  /** Descriptions of query parameters that mean the same on every resource. */
  static final Map<String, String> QUERY =
      Map.ofEntries(
          Map.entry("page", "Page number, from 0 (default 0)"),
          Map.entry("size", "Page size, 1 to 100 (default 50)"),
          Map.entry("q", "Search text"),
          Map.entry("from", "Start of the range: an ISO-8601 instant, e.g. 2026-11-28T00:00:00Z"),
          Map.entry("to", "End of the range: an ISO-8601 instant"),
          Map.entry("location", "A location code"),
          Map.entry("member", "A member id"),
          Map.entry("decision", "granted, warned or denied"),
          Map.entry("zone", "A time zone region id, e.g. Europe/Ljubljana"),
          Map.entry("days", "A number of days"),
          Map.entry("format", "csv or json"));

  private final ApiResources resources = new ApiResources();

  @Override
  public void filterOpenAPI(OpenAPI api) {
    withoutPayaraEndpoints(api);
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    Components components = api.getComponents();
    new BodySchemas(components == null ? null : components.getSchemas()).complete(resources.all());
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                  item.getOperations().entrySet()) {
                String verb = operation.getKey().name();
                resources
                    .find(verb, path)
                    .ifPresentOrElse(
                        endpoint -> describe(operation.getValue(), endpoint),
                        () ->
                            LOG.warning(
                                () ->
                                    "OpenAPI: no resource method known for "
                                        + verb
                                        + " "
                                        + path
                                        + "; add its class to ApiResources"));
              }
            });
  }

  /**
   * Payara 6 adds a root field {@code endpoints} (its own list of paths per context root) that
   * OpenAPI 3 does not have, so parsers reject the document ("attribute endpoints is unexpected").
   * Payara writes no empty field: emptying the map leaves it out. Payara's model type is not
   * visible to the application, hence reflection; on another runtime there is nothing to remove.
   */
  static void withoutPayaraEndpoints(OpenAPI api) {
    try {
      Object endpoints = api.getClass().getMethod("getEndpoints").invoke(api);
      if (endpoints instanceof Map<?, ?> map) {
        map.clear();
      }
    } catch (NoSuchMethodException notPayara) {
      // nothing to remove
    } catch (ReflectiveOperationException | UnsupportedOperationException e) {
      LOG.warning(() -> "OpenAPI: could not remove Payara's endpoints field: " + e);
    }
  }

  private void describe(Operation operation, Endpoint endpoint) {
    String id = operationId(endpoint);
    operation.setOperationId(id);
    operation.setTags(List.of(tag(endpoint)));
    List<String> roles = roles(endpoint);
    operation.addExtension(ROLES, roles);
    String needs =
        roles.isEmpty()
            ? "Open to every authenticated user."
            : "Roles: " + String.join(", ", roles);
    operation.setDescription(
        operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
    success(operation, endpoint);
    problems(operation, endpoint);
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (parameter.getIn() == Parameter.In.QUERY && parameter.getDescription() == null) {
          parameter.setDescription(QUERY.get(parameter.getName()));
        }
      }
    }
    java.lang.reflect.Parameter body = BodySchemas.body(endpoint.method());
    if (operation.getRequestBody() != null && body != null) {
      operation.getRequestBody().setRequired(body.isAnnotationPresent(NotNull.class));
      if (body.getType() == byte[].class) {
        binary(operation.getRequestBody().getContent());
      }
    }
    List<String> examples = EXAMPLES.get(id);
    if (examples != null) {
      if (!examples.get(0).isEmpty() && operation.getRequestBody() != null) {
        example(operation.getRequestBody().getContent(), examples.get(0));
      }
      if (!examples.get(1).isEmpty()) {
        for (APIResponse answer : operation.getResponses().getAPIResponses().values()) {
          if (answer.getContent() != null && answer.getContent().hasMediaType(JSON)) {
            example(answer.getContent(), examples.get(1));
          }
        }
      }
    }
  }

  /**
   * A {@code byte[]} body is the raw bytes of its media type (a photo), not the JSON array of
   * numbers Payara's scanner describes it as (an array schema without items, which validators
   * reject).
   */
  private static void binary(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (MediaType type : content.getMediaTypes().values()) {
      type.setSchema(OASFactory.createSchema().type(SchemaType.STRING).format("binary"));
    }
  }

  /** The scanned "default" answer becomes what the method really answers. */
  private static void success(Operation operation, Endpoint endpoint) {
    APIResponses responses = operation.getResponses();
    APIResponse answer = responses.getDefaultValue();
    if (answer == null) {
      answer = OASFactory.createAPIResponse();
    }
    responses.removeAPIResponse(APIResponses.DEFAULT);
    Class<?> returns = endpoint.method().getReturnType();
    if (returns == void.class) {
      responses.addAPIResponse("204", answer.content(null).description("Done; no body."));
    } else if ("POST".equals(endpoint.verb()) && returns == Response.class) {
      responses.addAPIResponse(
          "201",
          answer
              .description("Created; `Location` names the new resource, the body shows it.")
              .addHeader(
                  "Location",
                  OASFactory.createHeader()
                      .description("The new resource's URL")
                      .schema(OASFactory.createSchema().type(SchemaType.STRING))));
    } else {
      responses.addAPIResponse("200", answer.description("OK"));
    }
  }

  private static void problems(Operation operation, Endpoint endpoint) {
    APIResponses responses = operation.getResponses();
    boolean hasQuery = false;
    boolean hasPath = false;
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        hasQuery |= parameter.getIn() == Parameter.In.QUERY;
        hasPath |= parameter.getIn() == Parameter.In.PATH;
      }
    }
    if (hasQuery || BodySchemas.body(endpoint.method()) != null) {
      responses.addAPIResponse("400", OASFactory.createAPIResponse().ref("BadRequest"));
    }
    responses.addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
    responses.addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
    if (hasPath) {
      responses.addAPIResponse("404", OASFactory.createAPIResponse().ref("NotFound"));
    }
    if (!"GET".equals(endpoint.verb()) && !"HEAD".equals(endpoint.verb())) {
      responses.addAPIResponse("409", OASFactory.createAPIResponse().ref("Conflict"));
    }
  }

  private static void example(Content content, String name) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (MediaType media : content.getMediaTypes().values()) {
      media.addExample(name, OASFactory.createExample().ref(name));
    }
  }

  /** {@code membersCreate}: the resource's name and the method's, unique across the API. */
  static String operationId(Endpoint endpoint) {
    String resource = endpoint.resource().getSimpleName().replaceFirst("Resource$", "");
    String method = endpoint.method().getName();
    return Character.toLowerCase(resource.charAt(0))
        + resource.substring(1)
        + Character.toUpperCase(method.charAt(0))
        + method.substring(1);
  }

  /** The first segment of the resource's path: {@code members}, {@code staff-users}. */
  static String tag(Endpoint endpoint) {
    String[] segments = endpoint.path().split("/");
    return segments.length > 2 ? segments[2] : endpoint.path();
  }

  /** The roles that may call the method; administrators are also staff. */
  static List<String> roles(Endpoint endpoint) {
    if (endpoint.method().isAnnotationPresent(PermitAll.class)) {
      return List.of();
    }
    RolesAllowed allowed = endpoint.method().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = endpoint.resource().getAnnotation(RolesAllowed.class);
    }
    if (allowed == null) {
      return List.of();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String role : allowed.value()) {
      if (STAFF.equals(role)) {
        roles.add(ADMIN);
      }
      roles.add(role.toUpperCase(Locale.ROOT));
    }
    List<String> sorted = new ArrayList<>(roles);
    sorted.sort(null);
    return sorted;
  }
}
