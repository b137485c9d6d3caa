/** Plain helpers for the dashboard pages, independent of any one screen. */
package org.avgym.dashboard.control;
