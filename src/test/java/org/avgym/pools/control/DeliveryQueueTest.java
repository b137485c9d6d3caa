package org.avgym.pools.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {

  private final DeliveryQueue queue = new DeliveryQueue();

  @Test
  void holdsEachIdOnceAndHandsThemOutInOrder() {
    assertTrue(queue.offer("1", "a"));
    assertTrue(queue.offer("2", "b"));
    assertFalse(queue.offer("1", "a again"), "an id already held is not taken twice");

    assertEquals("1", queue.takeNext(d -> "conn").delivery().id);
    assertEquals("2", queue.takeNext(d -> "conn").delivery().id);
    assertNull(queue.takeNext(d -> "conn"));
    assertEquals(2, queue.pending(), "taken but not acknowledged");
    assertEquals(0, queue.waiting());
  }

  @Test
  void aDeliveryWithoutATargetStaysAtTheHead() {
    queue.offer("1", "a");
    assertNull(queue.takeNext(d -> null));
    assertEquals(1, queue.waiting());
    DeliveryQueue.Routed<String> routed = queue.takeNext(d -> "conn-b");
    assertEquals("1", routed.delivery().id);
    assertEquals("conn-b", routed.target());
  }

  @Test
  void aFailedDeliveryGoesBackToTheHeadRememberingWhereItFailed() {
    queue.offer("1", "a");
    queue.offer("2", "b");
    DeliveryQueue.Delivery first = queue.takeNext(d -> "conn-a").delivery();

    assertTrue(queue.requeue(first, "conn-a"));

    DeliveryQueue.Delivery again = queue.takeNext(d -> "conn-b").delivery();
    assertEquals("1", again.id, "before the one that never failed");
    assertTrue(again.failed);
    assertEquals("conn-a", again.avoid);
  }

  @Test
  void confirmsEachIdOnceHoweverManyAcksArrive() {
    queue.offer("7", "a");
    DeliveryQueue.Delivery delivery = queue.takeNext(d -> "conn").delivery();

    assertTrue(queue.acked("7"));
    assertFalse(queue.acked("7"), "a second ack (after a redelivery) confirms nothing more");
    assertFalse(queue.requeue(delivery, "conn"), "a late failure of an acked delivery is moot");

    assertEquals(List.of(7L), queue.takeConfirmed());
    assertEquals(List.of(), queue.takeConfirmed(), "confirmed ids are handed out once");
    assertEquals(0, queue.pending());
    assertTrue(queue.offer("7", "a"), "after its ack the id may be offered again");
  }

  @Test
  void clearingForgetsWhatIsHeldAndAnOldFailureDoesNotComeBack() {
    queue.offer("1", "a");
    queue.offer("2", "b");
    DeliveryQueue.Delivery inFlight = queue.takeNext(d -> "conn").delivery();

    assertEquals(2, queue.clear());

    assertFalse(queue.requeue(inFlight, "conn"));
    assertEquals(0, queue.waiting());
    queue.offer("1", "a");
    assertFalse(queue.requeue(inFlight, "conn"), "the old copy is not the one held now");
    assertEquals(1, queue.waiting());
  }
}
