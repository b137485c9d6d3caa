package org.avgym.platform.boundary;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The Payara data grid this instance belongs to (the Hazelcast Payara embeds, in JNDI as {@code
 * payara/Hazelcast}), or none: an instance started with {@code --nocluster} keeps its live stream
 * in memory and works alone. Members joining and leaving are logged.
 */
@ApplicationScoped
public class Grid {

  private static final Logger LOG = Logger.getLogger(Grid.class.getName());

  static final String JNDI_NAME = "payara/Hazelcast";

  @Inject MetricRegistry registry;

  private HazelcastInstance instance;

  @PostConstruct
  void join() {
    instance = lookup();
    if (instance == null) {
      LOG.info("No data grid (started with --nocluster): this instance works alone");
    } else {
      LOG.info(
          () ->
              "Data grid "
                  + instance.getConfig().getClusterName()
                  + ": this instance is "
                  + instance.getCluster().getLocalMember().getAddress()
                  + ", members "
                  + instance.getCluster().getMembers());
      instance.getCluster().addMembershipListener(new Logged());
    }
    registry.gauge(
        Metadata.builder()
            .withName("avgym_grid_members")
            .withDescription("Members of the data grid this instance sees (0 without a grid)")
            .build(),
        this::members);
  }

  private static HazelcastInstance lookup() {
    try {
      Object found = new InitialContext().lookup(JNDI_NAME);
      if (found instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) {
        return hz;
      }
      return null;
    } catch (NamingException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** The grid, when this instance belongs to one that is running. */
  public Optional<HazelcastInstance> instance() {
    return Optional.ofNullable(instance).filter(hz -> hz.getLifecycleService().isRunning());
  }

  public boolean present() {
    return instance != null;
  }

  /** Members this instance sees; 0 without a grid or when its grid stopped. */
  public int members() {
    return instance().map(hz -> hz.getCluster().getMembers().size()).orElse(0);
  }

  /** This instance's grid address, or empty. */
  public Optional<String> address() {
    return instance().map(hz -> hz.getCluster().getLocalMember().getAddress().toString());
  }

  private static final class Logged implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {
      LOG.info(() -> "Data grid: " + describe(event.getMember()) + " joined; " + size(event));
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      LOG.warning(() -> "Data grid: " + describe(event.getMember()) + " left; " + size(event));
    }

    private static String describe(Member member) {
      return "member " + member.getAddress();
    }

    private static String size(MembershipEvent event) {
      return event.getMembers().size() + " member(s) now";
    }
  }
}
