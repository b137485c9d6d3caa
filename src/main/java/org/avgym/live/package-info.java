/**
 * The live channel: one stream per topic with sequence numbers and bounded history, so that
 * dashboards resume after a reconnect without a gap; fan-out to every subscriber through a bounded
 * per-session backlog, so that a slow client is closed rather than slowing others.
 */
package org.avgym.live;
