package org.avgym.notify.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.avgym.analytics.boundary.AlertRules;
import org.avgym.analytics.entity.AlertRuleView;
import org.avgym.notify.control.ChannelRules;
import org.avgym.notify.entity.ChannelInput;
import org.avgym.notify.entity.ChannelSettings;
import org.avgym.notify.entity.ChannelView;
import org.avgym.notify.entity.DeliveryView;
import org.avgym.notify.entity.NotificationChannel;
import org.avgym.platform.control.Refusal;
import org.avgym.pools.control.EndpointAddresses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notification channels as stored. Every field is checked before anything is written, so bad input
 * is refused naming its field and changes nothing. The signing key is in the answer of the request
 * that set it, and masked everywhere after.
 */
@Stateless
public class NotificationChannels {

  /** The most deliveries a channel's history answers with. */
  public static final int MAX_RECENT = 200;

  @PersistenceContext EntityManager em;
  @Inject AlertRules alertRules;
  @Inject MailSessions mail;
  @Inject NotificationOutbox outbox;

  /**
   * Private, loopback and other special networks webhooks may be in (as for pools: a webhook is a
   * request the server makes from inside the network). Public addresses are always allowed.
   */
  @Inject
  @ConfigProperty(name = "avgym.notify.allowed-networks", defaultValue = " ")
  String allowedNetworks;

  public List<ChannelView> all() {
    return em
        .createQuery(
            "select c from NotificationChannel c order by c.name", NotificationChannel.class)
        .getResultList()
        .stream()
        .map(NotificationChannel::view)
        .toList();
  }

  public ChannelView find(long id) {
    return require(id).view();
  }

  public ChannelView create(ChannelInput input, String user) {
    ChannelSettings settings = check(input, true);
    if (named(settings.name()) != null) {
      throw Refusal.conflict("A notification channel named " + settings.name() + " exists");
    }
    NotificationChannel channel = new NotificationChannel(settings, user, Instant.now());
    em.persist(channel);
    em.flush();
    return channel.view().withSecret(settings.secret());
  }

  public ChannelView update(long id, ChannelInput input) {
    NotificationChannel channel = require(id);
    ChannelSettings settings = check(input, false);
    NotificationChannel other = named(settings.name());
    if (other != null && !other.getId().equals(channel.getId())) {
      throw Refusal.conflict("A notification channel named " + settings.name() + " exists");
    }
    channel.apply(settings);
    return settings.secret() == null
        ? channel.view()
        : channel.view().withSecret(settings.secret());
  }

  /** Removes a channel and its deliveries, those still waiting included. */
  public void delete(long id) {
    em.remove(require(id));
  }

  /** Queues a test notification (committed on return) for the sender to pick up. */
  public DeliveryView test(long id, String user) {
    require(id);
    return outbox.test(id, user);
  }

  public List<DeliveryView> deliveries(long id, int max) {
    require(id);
    return outbox.recent(id, max);
  }

  private ChannelSettings check(ChannelInput input, boolean creating) {
    ChannelRules.Context context =
        new ChannelRules.Context(
            EndpointAddresses.of(allowedNetworks, List.of()),
            EndpointAddresses.Resolver.DNS,
            input != null
                && "EMAIL".equalsIgnoreCase(String.valueOf(input.kind()).trim())
                && mail.configured());
    ChannelSettings settings = ChannelRules.check(input, creating, context);
    Set<String> known =
        alertRules.all().stream().map(AlertRuleView::name).collect(Collectors.toSet());
    for (String rule : settings.rules()) {
      if (!known.contains(rule)) {
        throw Refusal.invalid("rules", "there is no alert rule named " + rule);
      }
    }
    return settings;
  }

  private NotificationChannel require(long id) {
    NotificationChannel channel = em.find(NotificationChannel.class, id);
    if (channel == null) {
      throw Refusal.notFound("No notification channel " + id);
    }
    return channel;
  }

  private NotificationChannel named(String name) {
    return em.createQuery(
            "select c from NotificationChannel c where c.name = :name", NotificationChannel.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
