/**
 * The registry of kiosks, turnstiles and desk scanners: each has a location and a token that is
 * shown once at registration and stored only as a hash.
 */
package org.avgym.devices;
