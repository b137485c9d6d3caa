package org.avgym.pools.boundary;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The simulated gateway exists only while demo mode ({@code avgym.demo.enabled}) or its own setting
 * ({@code avgym.pools.simulator.enabled}, off by default) is on: otherwise its endpoint is not
 * deployed at all, and its REST controls answer 404. Every other annotated endpoint of the
 * application is deployed as found.
 */
public class SimulatorSwitch implements ServerApplicationConfig {

  private static final Logger LOG = Logger.getLogger(SimulatorSwitch.class.getName());

  /** True when the simulated gateway is on (read from configuration each time). */
  public static boolean enabled() {
    var config = ConfigProvider.getConfig();
    return config.getOptionalValue("avgym.pools.simulator.enabled", Boolean.class).orElse(false)
        || config.getOptionalValue("avgym.demo.enabled", Boolean.class).orElse(false);
  }

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpoints) {
    return Set.of();
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    if (enabled()) {
      LOG.info("The simulated gateway is on at /ws/sim/gateway (loopback clients only)");
      return scanned;
    }
    return scanned.stream()
        .filter(c -> c != SimulatedGateway.class)
        .collect(Collectors.toUnmodifiableSet());
  }
}
