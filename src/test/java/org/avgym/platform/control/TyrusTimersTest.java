package org.avgym.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class TyrusTimersTest {

  /** Laid out as Tyrus' BaseContainer: the fields live in a superclass. */
  static class Base {
    private final ScheduledExecutorService managedScheduledExecutorService;
    private final ThreadFactory threadFactory;

    Base(ScheduledExecutorService managed, ThreadFactory threads) {
      this.managedScheduledExecutorService = managed;
      this.threadFactory = threads;
    }
  }

  static final class Container extends Base {
    Container(ScheduledExecutorService managed, ThreadFactory threads) {
      super(managed, threads);
    }
  }

  @Test
  void forgetsTheManagedSchedulerAndGivesDaemonThreads() {
    ScheduledExecutorService managed = Executors.newSingleThreadScheduledExecutor();
    try {
      Container container = new Container(managed, null);

      assertTrue(TyrusTimers.unmanage(container, "timers"));

      assertNull(((Base) container).managedScheduledExecutorService);
      ThreadFactory threads = ((Base) container).threadFactory;
      assertNotNull(threads);
      Thread thread = threads.newThread(() -> {});
      assertTrue(thread.isDaemon());
      assertEquals("timers", thread.getName());
    } finally {
      managed.shutdownNow();
    }
  }

  @Test
  void keepsAThreadFactoryItAlreadyHas() {
    ThreadFactory own = Thread::new;
    Container container = new Container(null, own);

    assertTrue(TyrusTimers.unmanage(container, "timers"));

    assertSame(own, ((Base) container).threadFactory);
  }

  @Test
  void leavesAnythingElseAloneAndSaysSo() {
    assertFalse(TyrusTimers.unmanage(new Object(), "timers"));
    assertFalse(TyrusTimers.unmanage("not a container", "timers"));
  }
}
