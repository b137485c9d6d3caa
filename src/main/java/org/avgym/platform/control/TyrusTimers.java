package org.avgym.platform.control;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * Moves a Tyrus WebSocket container's per-session idle timers off Payara's managed scheduler. Tyrus
 * (Payara's JSR-356 implementation) re-arms each session's idle timer on every frame sent or
 * received, even when the session has no idle timeout; on the managed scheduler every re-arm
 * captures the thread context through a ServiceLoader scan of the WAR's jars. Tyrus uses a
 * scheduler of its own when it found no managed one, so the container forgets the one it found.
 * Only the idle timers move: AV Gym's own work stays on managed executors. If a Tyrus version lays
 * this out differently, nothing changes but the cost, and the log says so.
 */
public final class TyrusTimers {

  private static final Logger LOG = Logger.getLogger(TyrusTimers.class.getName());

  private TyrusTimers() {}

  /**
   * Makes {@code container} (a Tyrus client or server container) schedule idle timers on daemon
   * threads named {@code threadName}; false when it could not.
   */
  public static boolean unmanage(Object container, String threadName) {
    for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field managed = type.getDeclaredField("managedScheduledExecutorService");
        Field threads = type.getDeclaredField("threadFactory");
        managed.setAccessible(true);
        threads.setAccessible(true);
        if (threads.get(container) == null) {
          ThreadFactory daemons =
              task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                return thread;
              };
          threads.set(container, daemons);
        }
        managed.set(container, null);
        return true;
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (ReflectiveOperationException | RuntimeException e) {
        break;
      }
    }
    LOG.info(
        () ->
            "WebSocket idle timers of "
                + container.getClass().getName()
                + " stay on the managed scheduler");
    return false;
  }
}
