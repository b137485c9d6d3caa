package org.avgym.platform.boundary;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.avgym.platform.entity.Problem;
import org.avgym.platform.entity.Problem.FieldError;

/**
 * A request without the JSON body its resource needs: the JSON-B reader reports it as a bare 400,
 * which this names as the field {@code body}, like any other unreadable body. Every other 400 is
 * described as before.
 */
@Provider
public class MissingBodyMapper implements ExceptionMapper<BadRequestException> {

  static final String MESSAGE = "a JSON body is required";

  @Override
  public Response toResponse(BadRequestException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof NoContentException) {
        return Problems.response(
            Problem.validation(MESSAGE, List.of(new FieldError("body", MESSAGE))));
      }
    }
    return new Problems.WebApplicationMapper().toResponse(e);
  }
}
