package org.avgym.security.entity;

import org.avgym.platform.entity.ClusterWide;

/**
 * A staff user was disabled, given another role or a new password: whatever they opened with the
 * old access (dashboard sessions, live subscriptions, remembered API credentials) must end. Fired
 * after commit; a cluster relays it to every instance.
 *
 * @param username as stored
 * @param why what changed, for logs ("disabled", "role changed", "password changed")
 */
public record StaffAccessChanged(String username, String why) implements ClusterWide {}
