package org.avgym.members.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.avgym.platform.boundary.Problems;

/** An edit from an older version of a member is a 409, like every other conflict. */
@Provider
public class StaleEditMapper implements ExceptionMapper<Members.StaleEdit> {

  @Override
  public Response toResponse(Members.StaleEdit stale) {
    return Problems.conflict(
            stale.getMessage() + " (now version " + stale.current().version() + ")")
        .getResponse();
  }
}
