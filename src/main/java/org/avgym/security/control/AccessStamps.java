package org.avgym.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.avgym.security.entity.StaffAccessChanged;
import org.avgym.security.entity.StaffUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current {@linkplain StaffUser#accessStamp() access stamp} of each staff user, so that every
 * request of a logged-in session can check that its user's role, password and enabled flag are
 * still those it logged in with. Looked up at most once per {@code
 * avgym.security.session-check-seconds} per user: a change on this instance is seen at the next
 * request ({@link StaffAccessChanged} evicts it), a change on another instance within that time.
 */
@ApplicationScoped
public class AccessStamps {

  /** Past this many users remembered, the memory is cleared (it refills from the database). */
  static final int MAX_ENTRIES = 10_000;

  @Inject StaffDirectory directory;

  @Inject
  @ConfigProperty(name = "avgym.security.session-check-seconds", defaultValue = "2")
  long checkSeconds;

  private record Entry(Optional<String> stamp, long fetchedNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The user's stamp now; empty for an unknown or disabled user. */
  public Optional<String> current(String username) {
    String key = username.toLowerCase(Locale.ROOT);
    long now = System.nanoTime();
    Entry entry = entries.get(key);
    if (entry == null || now - entry.fetchedNanos() > Duration.ofSeconds(checkSeconds).toNanos()) {
      Optional<String> stamp =
          directory.find(username).filter(StaffUser::isEnabled).map(StaffUser::accessStamp);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entry = new Entry(stamp, now);
      entries.put(key, entry);
    }
    return entry.stamp();
  }

  /** True while {@code stamp}, taken at login, is still the user's. */
  public boolean valid(String username, String stamp) {
    return stamp != null && current(username).filter(stamp::equals).isPresent();
  }

  void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffAccessChanged change) {
    entries.remove(change.username().toLowerCase(Locale.ROOT));
  }
}
