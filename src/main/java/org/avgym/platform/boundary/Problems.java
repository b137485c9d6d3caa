package org.avgym.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.avgym.platform.entity.Problem;
import org.avgym.platform.entity.Problem.FieldError;

/**
 * Turns every exception that reaches the API into problem+json: bad input into 400 naming the
 * fields, container errors into their status, and anything unexpected into a 500 that carries an
 * incident id for the log, never a stack trace.
 */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {}

  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  public static Response response(int status, String title, String detail) {
    return response(Problem.of(status, title, detail));
  }

  /** Raised by resources for a request that is well-formed but not acceptable. */
  public static WebApplicationException badRequest(String field, String message) {
    return new WebApplicationException(
        response(Problem.validation(message, List.of(new FieldError(field, message)))));
  }

  public static WebApplicationException notFound(String what) {
    return new WebApplicationException(response(404, "Not found", what));
  }

  public static WebApplicationException conflict(String detail) {
    return new WebApplicationException(response(409, "Conflict", detail));
  }

  @Provider
  public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new FieldError(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList();
      String detail =
          errors.stream()
              .map(f -> f.field() + ": " + f.message())
              .reduce((a, b) -> a + "; " + b)
              .orElse("invalid request");
      return response(Problem.validation(detail, errors));
    }

    /** The last node of a path like {@code create.arg0.email} is the field a client sent. */
    private static String fieldOf(ConstraintViolation<?> violation) {
      String field = null;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getName() != null) {
          field = node.getName();
        }
      }
      return field == null || field.startsWith("arg") ? "body" : field;
    }
  }

  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      if (original.hasEntity() && original.getEntity() instanceof Problem) {
        return original;
      }
      int status = original.getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known != null ? known.getReasonPhrase() : "Error";
      String detail =
          switch (status) {
            case 401 -> "Authentication required";
            case 403 -> "Your role does not allow this";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed here";
            case 406 -> "Cannot produce the requested media type";
            case 415 -> "Send application/json";
            default -> e.getMessage();
          };
      Response.ResponseBuilder builder = Response.fromResponse(original);
      return builder.type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }
  }

  @Provider
  public static class JsonMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return badJson(e);
    }
  }

  @Provider
  public static class ParsingMapper implements ExceptionMapper<JsonParsingException> {
    @Override
    public Response toResponse(JsonParsingException e) {
      return badJson(e);
    }
  }

  @Provider
  public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return badJson(e);
    }
  }

  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof ConstraintViolationException violation) {
          return new ValidationMapper().toResponse(violation);
        }
        if (cause instanceof WebApplicationException web) {
          return new WebApplicationMapper().toResponse(web);
        }
        if (cause instanceof jakarta.ejb.EJBAccessException) {
          return response(403, "Forbidden", "Your role does not allow this");
        }
        cause = cause.getCause();
      }
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected API error, incident " + incident, e);
      org.avgym.platform.entity.ServerError.report(incident, e);
      return response(
          500,
          "Internal error",
          "The server could not process this request (incident " + incident + ")");
    }
  }

  static Response badJson(Exception e) {
    LOG.log(Level.FINE, "Unreadable request body", e);
    return response(
        Problem.validation(
            "The request body is not valid JSON for this resource",
            List.of(new FieldError("body", "not valid JSON for this resource"))));
  }
}
