package org.avgym.pools.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A pool's deliveries between its durable outbox and its connections: each row taken from the
 * outbox waits here until a connection acknowledges it. Waiting deliveries go out in order; one
 * that failed goes back to the head, remembering the connection it failed on. Each id is held once,
 * however often its row is offered again, and is confirmed once, however many acks arrive. Plain
 * Java, safe for concurrent use.
 */
final class DeliveryQueue {

  /**
   * One message to deliver; {@code avoid} is the connection it last failed on, {@code
   * firstSentNanos} when it first went out (0 before), {@code failed} whether it ever came back.
   */
  static final class Delivery {
    final String id;
    final String frame;
    volatile String avoid;
    volatile long firstSentNanos;
    volatile boolean failed;

    Delivery(String id, String frame) {
      this.id = id;
      this.frame = frame;
    }
  }

  /** A delivery taken for sending, and where to. */
  record Routed<T>(Delivery delivery, T target) {}

  private final Deque<Delivery> waiting = new ArrayDeque<>();
  private final Map<String, Delivery> pending = new HashMap<>();
  private final Queue<String> confirmed = new ConcurrentLinkedQueue<>();

  /** Adds a delivery at the tail; false when its id is already held. */
  synchronized boolean offer(String id, String frame) {
    if (pending.containsKey(id)) {
      return false;
    }
    Delivery delivery = new Delivery(id, frame);
    pending.put(id, delivery);
    waiting.addLast(delivery);
    return true;
  }

  /**
   * Takes the head delivery if {@code route} finds it a target (null: none now, it stays waiting).
   * The route runs under the queue's lock, so two drains never take the same delivery.
   */
  synchronized <T> Routed<T> takeNext(Function<Delivery, T> route) {
    Delivery head = waiting.peekFirst();
    if (head == null) {
      return null;
    }
    T target = route.apply(head);
    if (target == null) {
      return null;
    }
    waiting.pollFirst();
    return new Routed<>(head, target);
  }

  /**
   * Puts a delivery that failed on connection {@code avoid} back at the head; false (nothing done)
   * when it was acknowledged meanwhile or the queue was cleared.
   */
  synchronized boolean requeue(Delivery delivery, String avoid) {
    if (pending.get(delivery.id) != delivery) {
      return false;
    }
    delivery.failed = true;
    delivery.avoid = avoid;
    waiting.addFirst(delivery);
    return true;
  }

  /** The first acknowledgement of {@code id}: true, and its id is confirmed; later ones: false. */
  boolean acked(String id) {
    synchronized (this) {
      if (pending.remove(id) == null) {
        return false;
      }
    }
    confirmed.add(id);
    return true;
  }

  /** The ids acknowledged since the last call, for their outbox rows to be deleted. */
  List<Long> takeConfirmed() {
    List<Long> ids = new ArrayList<>();
    for (String id = confirmed.poll(); id != null; id = confirmed.poll()) {
      ids.add(Long.parseLong(id));
    }
    return ids;
  }

  /** Deliveries held and not yet acknowledged, in flight or waiting. */
  synchronized int pending() {
    return pending.size();
  }

  /** Deliveries waiting for a connection. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** Forgets every delivery not yet acknowledged; returns how many there were. */
  synchronized int clear() {
    int held = pending.size();
    pending.clear();
    waiting.clear();
    return held;
  }
}
