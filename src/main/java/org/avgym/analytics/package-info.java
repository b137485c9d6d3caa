/**
 * Tells operators how the system and the gyms behave now and over weeks: events (connections,
 * performance, errors, pools, staff actions) are tracked, metric samples taken every 10 s and
 * rolled up hourly and daily, trends detected (least squares and Mann-Kendall), alerts raised
 * without storms, occupancy forecast for the next two hours, and everything exportable as CSV and
 * JSON. The {@code control} package is plain Java so that its maths is unit-tested without a
 * container.
 */
package org.avgym.analytics;
