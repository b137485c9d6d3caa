/**
 * Alert notifications leave the building (PROTOCOL.md §5): administrators define channels (a
 * webhook, signed with HMAC-SHA256 and shaped so Slack and Teams show its {@code text}, or e-mail
 * through a Jakarta Mail session), each for a minimum severity and optionally some alert rules.
 * Every alert that fires or resolves is written to a durable outbox in the transaction that stores
 * it, and sent from there with retries and backoff by whichever instance claims it first.
 */
package org.avgym.notify;
