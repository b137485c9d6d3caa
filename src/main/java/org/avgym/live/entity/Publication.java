package org.avgym.live.entity;

import java.io.Serializable;

/**
 * A request to publish on a topic, fired by any feature as a CDI event after its transaction
 * commits. {@code dataJson} is the event's {@code data} object as JSON text.
 */
public record Publication(Topic topic, String dataJson) implements Serializable {}
