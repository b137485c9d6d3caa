package org.avgym.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.avgym.notify.control.Attempt;
import org.avgym.notify.control.NotificationBody;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail through the Jakarta Mail session the server defines under JNDI ({@code mail/avgym} by
 * default; server-config/mail.asadmin). Looked up when needed rather than injected, so that the
 * application deploys without one: e-mail channels are then refused when they are created.
 */
@ApplicationScoped
public class MailSessions {

  private static final Logger LOG = Logger.getLogger(MailSessions.class.getName());

  @Inject
  @ConfigProperty(name = "avgym.notify.mail.session", defaultValue = "mail/avgym")
  String jndiName;

  /** Whether a mail session is configured. */
  public boolean configured() {
    return session() != null;
  }

  private Session session() {
    try {
      Object found = new InitialContext().lookup(jndiName);
      return found instanceof Session session ? session : null;
    } catch (NamingException | LinkageError e) {
      LOG.log(Level.FINE, "No Jakarta Mail session at " + jndiName, e);
      return null;
    }
  }

  /**
   * Sends one notification to comma-separated {@code addresses}: the text line as the subject, the
   * message and the alert's JSON as the plain-text body. The sender is the session's {@code
   * mail.from}.
   */
  public Attempt send(String addresses, long deliveryId, String payload) {
    Session session = session();
    if (session == null) {
      return Attempt.failed(null, "no mail session at " + jndiName);
    }
    try {
      JsonObject body = Json.createReader(new StringReader(payload)).readObject();
      MimeMessage message = new MimeMessage(session);
      message.setFrom(); // mail.from of the session
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(addresses, true));
      message.setSubject(NotificationBody.textOf(body), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("X-AVGym-Delivery", Long.toString(deliveryId));
      message.setText(
          body.getString("message", "") + "\n\n" + payload + "\n", StandardCharsets.UTF_8.name());
      Transport.send(message);
      return Attempt.delivered(null);
    } catch (MessagingException | RuntimeException e) {
      return Attempt.failed(null, "mail not sent: " + e);
    }
  }
}
