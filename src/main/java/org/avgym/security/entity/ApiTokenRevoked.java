package org.avgym.security.entity;

import org.avgym.platform.entity.ClusterWide;

/** A token was revoked: every instance closes what it opened (live sessions). */
public record ApiTokenRevoked(long tokenId, String name, String why) implements ClusterWide {}
