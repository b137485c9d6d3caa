package org.avgym.platform.entity;

import java.io.Serializable;

/**
 * A CDI event that every instance of a cluster must see, not only the one where it happened (a
 * revoked device, changed alert rules, a staff user disabled): once its transaction commits, it is
 * relayed over the data grid and fired again on every other instance.
 */
public interface ClusterWide extends Serializable {}
