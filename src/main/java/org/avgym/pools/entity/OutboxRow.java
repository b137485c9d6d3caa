package org.avgym.pools.entity;

/** One delivery in a pool's durable outbox; its {@code id} is the delivery id on the wire. */
public record OutboxRow(long id, String topic, String data) {}
