package org.avgym.notify.entity;

/** How a channel reaches people: an HTTP POST to a webhook, or e-mail. */
public enum ChannelKind {
  WEBHOOK,
  EMAIL
}
