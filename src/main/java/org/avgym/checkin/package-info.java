/**
 * Check-in at the door: members scan a card or QR code at a device, and the desk decides whether to
 * let them in (or out). The desk reports every reason behind a decision, not just the first, so
 * staff and members know everything that needs fixing, and records each check-in durably and
 * exactly once per device request. The rules themselves are plain Java over facts gathered from the
 * database, so they can be proven without a container. A member's detail, which adds their recent
 * check-ins and visits to what members knows, is served here too: members, locations and platform,
 * which this feature builds on, never import it.
 */
package org.avgym.checkin;
