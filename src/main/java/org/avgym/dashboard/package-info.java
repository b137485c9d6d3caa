/**
 * The backing beans of the PrimeFaces dashboard: login, the header, and one bean per tab or screen.
 * They never touch an EntityManager; they call the features' boundaries and controls.
 */
package org.avgym.dashboard;
