package org.avgym.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.avgym.security.entity.Role;

/** The staff and integration API under /api. */
@ApplicationPath("/api")
@DeclareRoles({Role.ADMIN_NAME, Role.STAFF_NAME})
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Enforces @RolesAllowed on resources that are CDI beans rather than EJBs.
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature",
        // Errors are ours to describe (problem+json); never Jersey's HTML error pages.
        "jersey.config.server.response.setStatusOverSendError",
        true);
  }
}
