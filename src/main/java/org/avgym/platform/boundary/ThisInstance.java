package org.avgym.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;
import org.avgym.platform.control.InstanceIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This instance's id ({@link InstanceIds}), resolved once; a bad setting fails the start. */
@ApplicationScoped
public class ThisInstance {

  private static final Logger LOG = Logger.getLogger(ThisInstance.class.getName());

  @Inject
  @ConfigProperty(name = InstanceIds.KEY)
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "avgym.http.port")
  Optional<String> httpPort;

  private String id;

  @PostConstruct
  void resolve() {
    id =
        InstanceIds.resolve(
            configured,
            httpPort,
            Optional.ofNullable(System.getProperty("com.sun.aas.instanceName")),
            hostName());
    LOG.info(() -> "AV Gym instance id: " + id);
  }

  public String id() {
    return id;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      LOG.warning(
          () -> "Host name unknown (" + e.getMessage() + "); the instance id uses localhost");
      return "localhost";
    }
  }
}
