/** Gym sites: time zone, capacity, opening hours, the closed flag, and live occupancy. */
package org.avgym.locations;
